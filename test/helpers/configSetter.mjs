// A test helper process: runs the built CLI's `main` (dist/cli.js) for each argv the test sends it,
// and answers with the exit code — so two processes can run `config set` at the same moment, round
// after round, without the cost of starting Node for each.
const { main } = await import(new URL('../../dist/cli.js', import.meta.url).href);
process.on('message', async (argv) => {
  const code = await main(argv, process.env);
  process.send?.({ code });
});
process.send?.({ ready: true });
