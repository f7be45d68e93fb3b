/** How wide the text reports are: `COLUMNS` when it is a positive whole number, else the terminal's width
 *  when stdout is one, else 100. */
export function reportWidth(
  env: Record<string, string | undefined> = process.env,
  stdout: { isTTY?: boolean; columns?: number } = process.stdout,
): number {
  const cols = Number(env.COLUMNS);
  if (env.COLUMNS !== undefined && Number.isInteger(cols) && cols > 0) return cols;
  if (stdout.isTTY && stdout.columns && stdout.columns > 0) return stdout.columns;
  return 100;
}
