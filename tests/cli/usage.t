# The program's own options and command dispatch.
$ treatyterm
2> treatyterm: missing command
2> Try 'treatyterm --help' for more information.
[exit 2]

$ treatyterm frobnicate
2> treatyterm: unknown command 'frobnicate'
2> Try 'treatyterm --help' for more information.
[exit 2]

$ treatyterm --frobnicate
2> treatyterm: unrecognized option '--frobnicate'
2> Try 'treatyterm --help' for more information.
[exit 2]

$ treatyterm --version | head -n 1
treatyterm 0.1.0

$ treatyterm add --version | head -n 1
treatyterm 0.1.0

$ treatyterm --help | head -n 2
Usage: treatyterm COMMAND [OPTION]... [ARGUMENT]...
Compute the dates that treaty-duration clauses produce.

$ treatyterm between --help | head -n 1
Usage: treatyterm between [OPTION]... DATE1 DATE2

# The man page's JSON shapes keep their quotes: in a roff macro line a '"'
# is an argument quote, so they are written \(dq (tests/man-examples.test
# renders them when groff is there).
$ grep -E '^\.[BIR]+ .*[{[]"' "$top_srcdir/man/treatyterm.1" | wc -l
0

# The option table gives --help; -h works after operands too.
$ treatyterm between 2024-01-01 2024-02-01 -h | head -n 1
Usage: treatyterm between [OPTION]... DATE1 DATE2
