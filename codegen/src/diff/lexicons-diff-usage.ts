/** How to call `lexforge lexicons diff`, as shown with a usage error. */
export const LEXICONS_DIFF_USAGE =
  'lexforge lexicons diff <old-dir> <new-dir> [--json] [--check] [--quiet | --verbose]';
