/** The account commands of the CLI. */
export const ACCOUNT_COMMANDS = [
  'login',
  'whoami',
  'post',
  'profile',
  'timeline',
  'logout',
] as const;

/** The name of an account command. */
export type AccountCommand = (typeof ACCOUNT_COMMANDS)[number];

/** The usage lines of the account commands. */
export const ACCOUNT_USAGE = `  lexforge login <handle|did|email> [--service <url>] [--password-stdin] [--verbose]
  lexforge whoami | logout [--verbose]
  lexforge post <text> [--verbose]
  lexforge profile [<handle|did>] [--verbose]
  lexforge timeline [--limit <n>] [--verbose]`;

/** Whether `name` is one of the account commands. */
export function isAccountCommand(name: string | undefined): name is AccountCommand {
  return (ACCOUNT_COMMANDS as readonly (string | undefined)[]).includes(name);
}
