"""``python -m migration_finder PATH...``: list what is left of Channels 1.x."""
from __future__ import print_function, unicode_literals

import argparse
import sys

from migration_finder import scan


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m migration_finder",
                                     description="List the Channels 1.x constructs left in Python code.")
    parser.add_argument("paths", nargs="+", help="files or directories to scan")
    args = parser.parse_args(argv)
    try:
        findings = scan(args.paths)
    except (IOError, OSError, SyntaxError, ValueError) as error:
        print("migration_finder: cannot read %s" % error, file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    constructs = len(set(finding.construct.key for finding in findings))
    print("%d finding(s) of %d Channels 1.x construct(s)" % (len(findings), constructs), file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
