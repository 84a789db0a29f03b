import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDateFr, formatMonthYearFr, isoDate, isPublished, parisIsoDate } from "../../src/lib/dates.ts";

test("formatDateFr writes the day, the month in words and the year", () => {
  assert.equal(formatDateFr(new Date("2018-06-07")), "7 juin 2018");
  assert.equal(formatDateFr(new Date("2021-12-25")), "25 décembre 2021");
});

test("formatDateFr writes 1er for the first of the month", () => {
  assert.equal(formatDateFr(new Date("2018-06-01")), "1er juin 2018");
  assert.equal(formatDateFr(new Date("2018-06-11")), "11 juin 2018");
});

test("a content date keeps its day whatever the hour in UTC", () => {
  // "2018-06-07" is read as midnight UTC; 23:59 UTC is still the same day.
  assert.equal(formatDateFr(new Date("2018-06-07T23:59:00Z")), "7 juin 2018");
  assert.equal(isoDate(new Date("2018-06-07T00:00:00Z")), "2018-06-07");
});

test("formatMonthYearFr", () => {
  assert.equal(formatMonthYearFr(new Date("2018-06-07")), "juin 2018");
  assert.equal(formatMonthYearFr(new Date("2020-08-31")), "août 2020");
});

test("isoDate", () => {
  assert.equal(isoDate(new Date("2018-06-07")), "2018-06-07");
  assert.equal(isoDate(new Date("2024-01-31T22:00:00Z")), "2024-01-31");
});

test("parisIsoDate gives the day in France", () => {
  // 23:30 UTC in winter is 00:30 the next day in Paris (UTC+1).
  assert.equal(parisIsoDate(new Date("2024-03-09T23:30:00Z")), "2024-03-10");
  // 22:30 UTC in summer is 00:30 the next day in Paris (UTC+2).
  assert.equal(parisIsoDate(new Date("2024-07-09T22:30:00Z")), "2024-07-10");
  assert.equal(parisIsoDate(new Date("2024-07-09T21:30:00Z")), "2024-07-09");
});

test("isPublished compares calendar days in Paris", () => {
  const date = new Date("2024-03-10");
  assert.equal(isPublished(date, new Date("2024-03-09T22:30:00Z")), false, "23:30 la veille à Paris");
  assert.equal(isPublished(date, new Date("2024-03-09T23:30:00Z")), true, "00:30 le jour même à Paris");
  assert.equal(isPublished(date, new Date("2024-03-10T12:00:00Z")), true);
  assert.equal(isPublished(date, new Date("2025-01-01T00:00:00Z")), true);
  assert.equal(isPublished(new Date("2999-01-01"), new Date("2024-03-10T12:00:00Z")), false);
});

test("invalid dates are refused", () => {
  assert.throws(() => formatDateFr(new Date("pas une date")), RangeError);
  assert.throws(() => isoDate(new Date(Number.NaN)), RangeError);
  assert.throws(() => isPublished(new Date("nope"), new Date()), RangeError);
});
