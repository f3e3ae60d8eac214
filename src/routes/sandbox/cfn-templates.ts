// Starter templates for the sandbox's CloudFormation view. Each one shows one thing a learner
// should see happen: a stack that makes a real (simulated) ECR repository and exports its URI, a
// stack that fails and rolls back, a stack that imports another stack's export, and an update
// whose rollback cannot finish. Written for this course; the comments say what to try.

export interface StarterTemplate {
	id: string;
	label: string;
	/** The stack name the form suggests with this template. */
	stackName: string;
	/** What to do with it, one or two sentences. */
	hint: string;
	body: string;
}

const repository = `AWSTemplateFormatVersion: '2010-09-09'
Description: >-
  One private ECR repository that scans every push and expires untagged
  images after a number of days. Its URI and ARN are exported so that
  other stacks can use them with Fn::ImportValue.

Parameters:
  RepositoryName:
    Type: String
    Default: web-app
    Description: Lowercase letters and digits, separated by . _ - or /
  TagMutability:
    Type: String
    Default: MUTABLE
    AllowedValues: [MUTABLE, IMMUTABLE]
    Description: IMMUTABLE refuses a push that reuses an existing tag
  UntaggedDays:
    Type: Number
    Default: 14
    MinValue: 1
    Description: Days an untagged image is kept

Resources:
  Repository:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: !Ref RepositoryName
      ImageTagMutability: !Ref TagMutability
      ImageScanningConfiguration:
        ScanOnPush: true
      LifecyclePolicy:
        LifecyclePolicyText: !Sub |
          {
            "rules": [
              {
                "rulePriority": 1,
                "description": "Expire untagged images after \${UntaggedDays} days",
                "selection": {
                  "tagStatus": "untagged",
                  "countType": "sinceImagePushed",
                  "countUnit": "days",
                  "countNumber": \${UntaggedDays}
                },
                "action": { "type": "expire" }
              }
            ]
          }
      Tags:
        - Key: team
          Value: web

Outputs:
  RepositoryUri:
    Description: Where docker push and docker pull go
    Value: !GetAtt Repository.RepositoryUri
    Export:
      Name: !Sub '\${AWS::StackName}-RepositoryUri'
  RepositoryArn:
    Description: The ARN to name in IAM policies
    Value: !GetAtt Repository.Arn
    Export:
      Name: !Sub '\${AWS::StackName}-RepositoryArn'
`;

const rollback = `AWSTemplateFormatVersion: '2010-09-09'
Description: >-
  Two repositories. ECR refuses the lifecycle policy of the second one,
  so its creation fails and CloudFormation rolls the whole stack back,
  deleting the first repository too.

Resources:
  Builds:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: builds

  Releases:
    Type: AWS::ECR::Repository
    # Made after Builds, so the events show Builds created, then deleted.
    DependsOn: Builds
    Properties:
      RepositoryName: releases
      LifecyclePolicy:
        # Rule priorities start at 1: ECR rejects 0, and the handler reports it.
        LifecyclePolicyText: >-
          {"rules":[{"rulePriority":0,
          "selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":10},
          "action":{"type":"expire"}}]}
`;

const importer = `AWSTemplateFormatVersion: '2010-09-09'
Description: >-
  Uses the repository another stack exported: a managed policy that lets
  its holder pull from it, and an ECS task definition that runs its
  latest image. Deploy the repository stack first. While this stack
  imports its exports, the repository stack cannot be deleted.

Parameters:
  RepositoryStack:
    Type: String
    Default: web
    Description: Name of the stack that exports the repository

Resources:
  PullPolicy:
    # An IAM resource: the stack needs the CAPABILITY_IAM acknowledgement.
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Description: Pull images from the web repository
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Action:
              - ecr:BatchGetImage
              - ecr:GetDownloadUrlForLayer
            Resource:
              Fn::ImportValue: !Sub '\${RepositoryStack}-RepositoryArn'

  WebTask:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web-app
      ContainerDefinitions:
        - Name: web
          Image: !Sub
            - '\${Uri}:latest'
            - Uri:
                Fn::ImportValue: !Sub '\${RepositoryStack}-RepositoryUri'

Outputs:
  PullPolicyArn:
    Value: !Ref PullPolicy
  TaskDefinitionArn:
    Value: !Ref WebTask
`;

const stuck = `AWSTemplateFormatVersion: '2010-09-09'
Description: >-
  An update whose rollback cannot finish. Create the stack with Stage
  one, then update it with Stage two: Releases fails to update, and
  putting Builds back fails too, so the stack stops in
  UPDATE_ROLLBACK_FAILED. Continue the rollback and skip Builds.

Parameters:
  Stage:
    Type: String
    Default: one
    AllowedValues: [one, two]

Conditions:
  StageOne: !Equals [!Ref Stage, one]

Resources:
  Builds:
    Type: AWS::ECR::Repository
    # Simulator::Fault is this simulator's stand-in for an outage (AWS has
    # no such metadata): the message makes the handler fail. Here Builds
    # cannot be changed back to its Stage one settings.
    Metadata:
      Simulator::Fault:
        OnUpdate: !If [StageOne, 'Repository builds is locked by a replication job', !Ref AWS::NoValue]
    Properties:
      RepositoryName: locked-builds
      ImageTagMutability: !If [StageOne, MUTABLE, IMMUTABLE]

  Releases:
    Type: AWS::ECR::Repository
    DependsOn: Builds
    Metadata:
      Simulator::Fault:
        OnUpdate: !If [StageOne, !Ref AWS::NoValue, 'The ECR control plane is not answering']
    Properties:
      RepositoryName: locked-releases
      ImageTagMutability: !If [StageOne, MUTABLE, IMMUTABLE]
`;

export const STARTER_TEMPLATES: readonly StarterTemplate[] = [
	{
		id: 'repository',
		label: 'ECR repository with a lifecycle policy and exports',
		stackName: 'web',
		hint: 'Create the stack, then run the clock: the repository appears in the ECR view. Change TagMutability and create a change set to see a Modify.',
		body: repository
	},
	{
		id: 'rollback',
		label: 'A stack that fails and rolls back',
		stackName: 'broken',
		hint: 'Create it and move the clock 5 seconds at a time: Builds is created, Releases fails, and the rollback deletes Builds again.',
		body: rollback
	},
	{
		id: 'importer',
		label: 'A stack that imports the repository’s exports',
		stackName: 'web-consumers',
		hint: 'Needs the ECR repository stack (named web) first, and the CAPABILITY_IAM box ticked. Then try to delete the web stack.',
		body: importer
	},
	{
		id: 'stuck',
		label: 'An update whose rollback fails',
		stackName: 'locked',
		hint: 'Create it with Stage one, update it with Stage two, then use Continue update rollback and skip Builds.',
		body: stuck
	}
];

export const CUSTOM_TEMPLATE = 'custom';

export const starterById = (id: string): StarterTemplate | undefined => STARTER_TEMPLATES.find((t) => t.id === id);
