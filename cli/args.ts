export type OutputFormat = 'TABULAR' | 'JSON';

export interface CliArgs {
  readonly url: string;
  readonly output: OutputFormat;
  readonly execute?: string;
  readonly file?: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly user?: string;
  readonly password?: string;
  readonly apiKey?: string;
  readonly help: boolean;
  readonly version: boolean;
}

export const DEFAULT_URL = 'http://localhost:8088';

export const USAGE = `Usage: kappa [options] [server-url]

  server-url                 the Kappa (or ksqlDB) server, default ${DEFAULT_URL}
  -e, --execute <sql>        run these statements and exit
  -f, --file <path>          run the statements of a file and exit
  -d, --define <name=value>  define a variable (repeatable)
  --output <JSON|TABULAR>    output format, default TABULAR
  -u, --user <name>          basic-auth user (with -p/--password)
  -p, --password <secret>    basic-auth password
  --api-key <key>            API key (sent as a bearer token)
  -h, --help                 show this help
  -v, --version              show the version`;

export class ArgsError extends Error {
  override readonly name = 'ArgsError';
}

/** Parses the command line (without `node` and the script). */
export function parseArgs(argv: readonly string[]): CliArgs {
  let url: string | undefined;
  let output: OutputFormat = 'TABULAR';
  let execute: string | undefined;
  let file: string | undefined;
  let user: string | undefined;
  let password: string | undefined;
  let apiKey: string | undefined;
  let help = false;
  let version = false;
  const variables: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new ArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '-e':
      case '--execute':
        execute = value();
        break;
      case '-f':
      case '--file':
        file = value();
        break;
      case '-d':
      case '--define': {
        const pair = value();
        const at = pair.indexOf('=');
        if (at <= 0) throw new ArgsError(`--define expects name=value, got '${pair}'`);
        variables[pair.slice(0, at)] = pair.slice(at + 1);
        break;
      }
      case '--output':
        output = parseOutput(value());
        break;
      case '-u':
      case '--user':
        user = value();
        break;
      case '-p':
      case '--password':
        password = value();
        break;
      case '--api-key':
        apiKey = value();
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '-v':
      case '--version':
        version = true;
        break;
      default:
        if (arg.startsWith('-')) throw new ArgsError(`Unknown option ${arg}`);
        if (url !== undefined) throw new ArgsError(`Unexpected argument ${arg}`);
        url = arg;
    }
  }
  if (execute !== undefined && file !== undefined) throw new ArgsError('Use either --execute or --file');
  return {
    url: normalizeUrl(url ?? DEFAULT_URL),
    output,
    variables,
    help,
    version,
    ...(execute !== undefined ? { execute } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
    ...(apiKey !== undefined ? { apiKey } : {}),
  };
}

export function parseOutput(text: string): OutputFormat {
  const upper = text.toUpperCase();
  if (upper === 'JSON' || upper === 'TABULAR') return upper;
  throw new ArgsError(`Invalid output format '${text}': use JSON or TABULAR`);
}

/** Accepts `host:port` as well as a URL; drops a trailing slash. */
export function normalizeUrl(text: string): string {
  const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `http://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new ArgsError(`Invalid server URL '${text}'`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ArgsError(`Invalid server URL '${text}': use http or https`);
  }
  return withScheme.replace(/\/+$/, '');
}
