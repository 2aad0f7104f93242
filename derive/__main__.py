"""`python -m derive`: the same as the `derive` console script."""

from derive.cli import main

main()
