// The benchmarks' trivial actor: prints its message and exits 0. The same file runs in the actorkit-bench/trivial
// image (Docker benchmarks) and as a local process (process executor benchmark). With PRINT_ENV=1 it first prints its
// environment as one JSON line, so a reference run can be given exactly the environment the emulator gave.
if (process.env.PRINT_ENV === '1') process.stdout.write(`${JSON.stringify(process.env)}\n`);
process.stdout.write(`got ${process.env.MSG ?? ''}\n`);
