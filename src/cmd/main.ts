/**
 * @module The binary's entry: picks the subcommand (or the argv[0] alias) and lazily imports it.
 */
const VERSION = '0.1.0';

function main(argv: readonly string[]): void {
  if (argv[0] === '--version' || argv[0] === '-v') {
    process.stdout.write(`k3ts version v1.33.3+k3ts (${VERSION})\n`);
    return;
  }
  process.stderr.write('k3ts: usage: k3ts [server|agent] [flags]\n');
  process.exitCode = 1;
}

main(process.argv.slice(2));
