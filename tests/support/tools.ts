/**
 * Whether a suite that needs a program from outside npm (a browser, Java) runs. In CI a missing program is a
 * failure, never a skip; elsewhere the suite is skipped and the run says which one and how to get the program.
 */
export function toolTestsEnabled(suite: string, found: boolean, howTo: string): boolean {
  if (found) return true;
  if (process.env['CI']) throw new Error(`${suite} is required in CI. ${howTo}`);
  console.warn(`\n[${suite} skipped] ${howTo}\n`);
  return false;
}
