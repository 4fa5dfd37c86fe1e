#!/usr/bin/python3
"""Writes N synthetic treaties as a treatyterm batch CSV file.

The clause mix is modelled on real treaties: terms of 5 to 99 years (some
indefinite), five-yearly consultations or reviews, withdrawal on notice,
tacit renewal; entries into force on 29 February and on month ends occur
far more often than by chance, since those are the dates that test the
rules.  The same N and seed always give the same file.

usage: gen-treaties.py N [SEED] > treaties.csv
"""
import csv
import random
import sys

COLUMNS = ["id", "name", "entry_into_force", "term", "convention",
           "notice_given", "consultation.first", "consultation.every",
           "review.first", "review.every", "review.count",
           "withdrawal.opens", "withdrawal.notice",
           "renewal.period", "renewal.notice", "renewal.times"]

MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def entry_into_force(rng):
    y = rng.randint(1900, 2030)
    r = rng.random()
    if r < 0.05:
        while not leap(y):
            y += 1
        return "%04d-02-29" % y
    m = rng.randint(1, 12)
    last = 29 if m == 2 and leap(y) else MONTH_DAYS[m - 1]
    d = last if r < 0.20 else rng.randint(1, last)
    return "%04d-%02d-%02d" % (y, m, d)


def row(rng, i):
    r = {c: "" for c in COLUMNS}
    r["id"] = "t%07d" % i
    r["name"] = "Synthetic treaty %d" % i
    r["entry_into_force"] = entry_into_force(rng)
    kind = rng.random()
    if kind < 0.15:
        r["term"] = "indefinite"
    else:
        r["term"] = "%dy" % rng.randint(5, 99)
    if kind >= 0.15 and rng.random() < 0.1:
        r["convention"] = "inclusive"
    if rng.random() < 0.5:
        r["consultation.first"] = "%dy" % rng.choice([1, 2, 5, 10, 25])
        r["consultation.every"] = "%dy" % rng.choice([1, 2, 5, 10])
    if rng.random() < 0.3:
        r["review.first"] = "%dm" % rng.choice([6, 18, 60])
        r["review.every"] = "%dm" % rng.choice([6, 12, 60])
        r["review.count"] = str(rng.randint(1, 5))
    if rng.random() < 0.5:
        r["withdrawal.notice"] = rng.choice(["3m", "6m", "1y", "90d"])
        if rng.random() < 0.5:
            r["withdrawal.opens"] = "%dy" % rng.randint(1, 4)
    if kind >= 0.15 and rng.random() < 0.3:
        r["renewal.period"] = "%dy" % rng.choice([5, 10])
        r["renewal.notice"] = rng.choice(["6m", "1y"])
        r["renewal.times"] = rng.choice(["1", "2", "3", "unlimited"])
    return r


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1946)
    w = csv.DictWriter(sys.stdout, COLUMNS, lineterminator="\n")
    w.writeheader()
    for i in range(n):
        w.writerow(row(rng, i))


if __name__ == "__main__":
    main()
