// `docker <command> --help` as docker/cli 28.2.2 prints it (cobra's usage template), for the
// commands whose page was captured from the real client; the rest fall back to the usage line.
import { USAGE, type UsageCommand } from "./usage";
import { EXPLAIN_HELP } from "./explain";

const PAGES: Partial<Record<UsageCommand, string>> = {
  push: `Usage:  docker push [OPTIONS] NAME[:TAG]

Upload an image to a registry

Aliases:
  docker image push, docker push

Options:
  -a, --all-tags                Push all tags of an image to the repository
      --disable-content-trust   Skip image signing (default true)
      --platform string         Push a platform-specific manifest as a
                                single-platform image to the registry.
                                Image index won't be pushed, meaning that
                                other manifests, including attestations
                                won't be preserved.
                                'os[/arch[/variant]]': Explicit platform
                                (eg. linux/amd64)
  -q, --quiet                   Suppress verbose output
` + EXPLAIN_HELP,
  tag: `Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]

Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE

Aliases:
  docker image tag, docker tag
`,
  login: `Usage:  docker login [OPTIONS] [SERVER]

Authenticate to a registry.
Defaults to Docker Hub if no server is specified.

Options:
  -p, --password string   Password or Personal Access Token (PAT)
      --password-stdin    Take the Password or Personal Access Token
                          (PAT) from stdin
  -u, --username string   Username
`,
};

/** The help page of `command` (its usage line when no page was captured). */
export function commandHelp(command: UsageCommand): string {
  return PAGES[command] ?? `Usage:  ${USAGE[command]}\n`;
}

export const wantsHelp = (args: readonly string[]): boolean =>
  args.includes("--help") || args.includes("-h");
