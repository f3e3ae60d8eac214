#!/bin/bash
# Captures what the real AWS CLI v2 prints against the local endpoint (a fresh world, frozen clock):
#   npm run endpoint -- --port 4599 --clock frozen &   then   bash scripts/cli/capture-aws-goldens.sh
# Writes tests/unit/cli/aws/fixtures/captured-v2.json with AWS CLI v2 (/usr/bin/aws, or $AWS_CLI), start the endpoint with --now 2026-11-23T18:28:39.483Z: [{args, stdout, stderr, exitCode}], in order
# (later commands see the state earlier ones made). The tests replay the same list on a fresh world.
set -u
export AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_PAGER='' AWS_DEFAULT_REGION=us-east-1
unset AWS_PROFILE AWS_REGION
out=${OUT:-tests/unit/cli/aws/fixtures/captured-v2.json}
cmds=(
 "ecr describe-repositories"
 "ecr create-repository --repository-name web"
 "ecr create-repository --repository-name api --image-scanning-configuration scanOnPush=true --image-tag-mutability IMMUTABLE --output text"
 "ecr describe-repositories --output text"
 "ecr describe-repositories --output table"
 "ecr describe-repositories --output yaml"
 "ecr describe-repositories --repository-names web --query repositories[0].repositoryName"
 "ecr describe-repositories --repository-names nope"
 "ecr create-repository"
 "ecr create-repository --repository-name a"
 "ecr create-repository --repository-name web"
 "ecr describe-repositories --foo"
 "ecr describe-repositorie"
 "ecr create-repository --repository-name x1 --image-tag-mutability BAD"
 "ecr describe-repositories --max-results abc"
 "ecr list-images --repository-name web"
 "ecr delete-repository --repository-name api --force --query repository.repositoryName --output text"
 "sts get-caller-identity"
 "sts get-caller-identity --output text"
 "cloudformation describe-stacks"
 "cloudformation describe-stacks --stack-name nope"
 "ecr put-lifecycle-policy --repository-name web --lifecycle-policy-text {\"rules\":[]}"
 "ecr describe-repositories --query repositories[].repositoryName --output text"
 "ecr describe-repositories --query nothing"
 "ecr describe-repositories --query nothing --output text"
 "ecr describe-repositories --query repositories[].[repositoryName,imageTagMutability] --output table"
 "sts get-caller-identity --output table"
 "ecr batch-delete-image --repository-name web --image-ids imageTag=v1 imageTag=v2"
 "ecr batch-delete-image --repository-name web --image-ids imageTag=v1 --output text"
 "ecr set-repository-policy --repository-name web"
 "ecr create-repository --repository-name"
 "ecs describe-clusters"
 "cloudformation create-stack"
 "ecr describe-repositories --repository-names"
 "ecr put-image-scanning-configuration --repository-name web --image-scanning-configuration scanOnPush=true"
 "ecr create-repository --repository-name tagged --tags Key=team,Value=a Key=env,Value=b --query repository.repositoryName"
 "ecr list-tags-for-resource --resource-arn arn:aws:ecr:us-east-1:123456789012:repository/tagged --output text"
)
echo '[' > $out
first=1
for c in "${cmds[@]}"; do
  read -ra words <<< "$c"
  "${AWS_CLI:-/usr/bin/aws}" --endpoint-url http://127.0.0.1:4599 "${words[@]}" > /tmp/cap.out 2> /tmp/cap.err; code=$?
  [ $first = 1 ] || echo ',' >> $out; first=0
  CODE=$code node -e 'const fs=require("fs");process.stdout.write(JSON.stringify({args:process.argv.slice(1),stdout:fs.readFileSync("/tmp/cap.out","utf8"),stderr:fs.readFileSync("/tmp/cap.err","utf8"),exitCode:+process.env.CODE}))' "${words[@]}" >> $out
done
echo ']' >> $out
