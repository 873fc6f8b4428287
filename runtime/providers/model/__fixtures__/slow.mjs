// Fixture: reads input but never replies (a hung model). The runtime must time out and kill it.
process.stdin.resume();
setInterval(() => undefined, 1000);
