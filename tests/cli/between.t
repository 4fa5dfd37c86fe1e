# treatyterm between: intervals as years, months and days, and as days.
$ treatyterm between 1952-07-23 2002-07-23
50 years 0 months 0 days
18262 days

$ treatyterm between 1898-07-01 1997-06-30
98 years 11 months 29 days
36158 days

$ treatyterm between 2024-01-31 2024-02-29
0 years 1 month 0 days
29 days

$ treatyterm between 2024-05-15 2024-05-14
minus 0 years 0 months 1 day
-1 days

$ treatyterm between 0001-01-01 9999-12-31
9998 years 11 months 30 days
3652058 days

$ treatyterm between 2024-01-01
2> treatyterm: between: expected two dates
2> Try 'treatyterm between --help' for more information.
[exit 2]

$ treatyterm between 2024-01-01 2024-02-30
2> treatyterm: date '2024-02-30': column 9: day 30 is out of range for February 2024 (1 to 29)
[exit 1]
