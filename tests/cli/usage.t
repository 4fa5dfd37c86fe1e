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
