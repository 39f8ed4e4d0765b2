using System;

namespace SchemaBind.Runtime.Internal;

/// <summary>
/// RFC 3339 §5.6's grammar, read once for the whole runtime: <c>full-date</c>, <c>partial-time time-offset</c>
/// and <c>date-time</c>. The <c>format</c> validator asks whether text follows it; the typed reader
/// (<see cref="SchemaFormats"/>) also asks whether the value fits the .NET type.
/// </summary>
internal static class Rfc3339
{
    /// <summary>A <c>partial-time time-offset</c>, as read.</summary>
    internal struct Time
    {
        public int Hour;
        public int Minute;

        /// <summary>0 to 60: a leap second (60) is read only where it is 23:59:60 in UTC.</summary>
        public int Second;

        /// <summary>The fraction of the second in 100 ns ticks; digits past the 7th are truncated.</summary>
        public long FractionTicks;

        /// <summary>The offset from UTC in minutes (negative west of UTC); <c>Z</c> is 0.</summary>
        public int OffsetMinutes;
    }

    /// <summary>
    /// Reads a <c>full-date</c>: <c>yyyy-MM-dd</c>, a day that the month has. The year may be 0000 (it is then
    /// counted as a common year).
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TwoDigits(text, 0, out int century) || !TwoDigits(text, 2, out int yearOfCentury)
            || !TwoDigits(text, 5, out month) || !TwoDigits(text, 8, out day))
        {
            return false;
        }

        year = (century * 100) + yearOfCentury;
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(year, 1), month);
    }

    /// <summary>Reads a <c>partial-time time-offset</c>: <c>HH:mm:ss[.frac](Z|±hh:mm)</c>.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out Time time)
    {
        time = default;
        if (text.Length < 9 || !TwoDigits(text, 0, out int hour) || text[2] != ':'
            || !TwoDigits(text, 3, out int minute) || text[5] != ':'
            || !TwoDigits(text, 6, out int second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        int position = 8;
        long fractionTicks = 0;
        if (text[position] == '.')
        {
            position++;
            int start = position;
            long scale = TimeSpan.TicksPerSecond;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                scale /= 10;
                fractionTicks += (text[position] - '0') * scale; // digits past the 7th add 0: truncated
                position++;
            }

            if (position == start || position >= text.Length)
            {
                return false;
            }
        }

        int offsetMinutes;
        char sign = text[position];
        if ((sign == 'Z' || sign == 'z') && position == text.Length - 1)
        {
            offsetMinutes = 0;
        }
        else if ((sign == '+' || sign == '-') && position == text.Length - 6
            && TwoDigits(text, position + 1, out int offsetHour) && text[position + 3] == ':'
            && TwoDigits(text, position + 4, out int offsetMinute)
            && offsetHour <= 23 && offsetMinute <= 59)
        {
            offsetMinutes = sign == '-' ? -((offsetHour * 60) + offsetMinute) : (offsetHour * 60) + offsetMinute;
        }
        else
        {
            return false;
        }

        // A leap second is 23:59:60 in UTC.
        if (second == 60 && ((hour * 60) + minute - offsetMinutes + (24 * 60)) % (24 * 60) != (23 * 60) + 59)
        {
            return false;
        }

        time = new Time { Hour = hour, Minute = minute, Second = second, FractionTicks = fractionTicks, OffsetMinutes = offsetMinutes };
        return true;
    }

    /// <summary>Reads a <c>date-time</c>: <c>full-date "T" partial-time time-offset</c> (<c>T</c> in either case).</summary>
    public static bool TryParseDateTime(ReadOnlySpan<char> text, out int year, out int month, out int day, out Time time)
    {
        if (text.Length < 20 || (text[10] != 'T' && text[10] != 't')
            || !TryParseDate(text.Slice(0, 10), out year, out month, out day))
        {
            year = month = day = 0;
            time = default;
            return false;
        }

        return TryParseTime(text.Slice(11), out time);
    }

    private static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        value = 0;
        if (at + 1 >= text.Length || !char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1]))
        {
            return false;
        }

        value = ((text[at] - '0') * 10) + (text[at + 1] - '0');
        return true;
    }
}
