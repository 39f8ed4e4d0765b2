using System.Globalization;
using System.Numerics;

namespace SchemaBind.Generator.Model;

/// <summary>
/// What a numeric bound (<c>minimum</c>, <c>exclusiveMaximum</c>, ...) of an integer schema means for its C# type
/// (int or long), exactly: a bound is any JSON number (<c>1.5</c>, <c>1e20</c>, <c>9223372036854776000</c> as a tool
/// that prints doubles writes long.MaxValue), while the value is an integer of a fixed range. The bound becomes the
/// least (or greatest) integer it allows, computed on the digits as written, not through a double.
/// </summary>
internal static class IntegerBounds
{
    /// <summary>True when every value of <paramref name="kind"/> meets the bound (or it is no number): no check is needed.</summary>
    public static bool AlwaysHolds(string raw, ValueKind kind, bool lower, bool exclusive)
    {
        if (Allowed(raw, lower, exclusive) is not BigInteger limit)
        {
            return true;
        }

        (BigInteger min, BigInteger max) = Range(kind);
        return lower ? limit <= min : limit >= max;
    }

    /// <summary>
    /// The C# condition, on <paramref name="expression"/> of type <paramref name="kind"/>, that is true when the
    /// bound is broken: <c>value &lt; 2</c> for <c>minimum: 1.5</c>. A bound that no value of the type meets compares
    /// with the decimal one past the type's range (exact, and true for every value).
    /// </summary>
    public static string BrokenCondition(string expression, string raw, ValueKind kind, bool lower, bool exclusive)
    {
        BigInteger limit = Allowed(raw, lower, exclusive) ?? BigInteger.Zero;
        (BigInteger min, BigInteger max) = Range(kind);
        if (lower)
        {
            return limit > max
                ? expression + " < " + (max + 1).ToString(CultureInfo.InvariantCulture) + "m"
                : expression + " < " + limit.ToString(CultureInfo.InvariantCulture);
        }

        return limit < min
            ? expression + " > " + (min - 1).ToString(CultureInfo.InvariantCulture) + "m"
            : expression + " > " + limit.ToString(CultureInfo.InvariantCulture);
    }

    private static (BigInteger Min, BigInteger Max) Range(ValueKind kind) => kind == ValueKind.Int32
        ? (int.MinValue, int.MaxValue)
        : (long.MinValue, long.MaxValue);

    /// <summary>
    /// The least integer a lower bound allows (<c>ceil(m)</c>, or <c>floor(m) + 1</c> when exclusive), or the
    /// greatest an upper bound allows; far beyond 64 bits it is clipped (the sign is what counts there). Null when
    /// <paramref name="raw"/> is not a JSON number.
    /// </summary>
    private static BigInteger? Allowed(string raw, bool lower, bool exclusive)
    {
        if (!TryParse(raw, out BigInteger mantissa, out int exponent))
        {
            return null;
        }

        BigInteger floor;
        bool integral;
        if (mantissa.IsZero)
        {
            (floor, integral) = (BigInteger.Zero, true);
        }
        else if (exponent >= 0)
        {
            // Past 10^40 every bound is beyond 64 bits: keep it there without making a number of a million digits.
            (floor, integral) = (mantissa * BigInteger.Pow(10, System.Math.Min(exponent, 40)), true);
        }
        else if (-exponent > 400)
        {
            // Of no digits the JSON text could hold: |value| < 1.
            (floor, integral) = (mantissa.Sign < 0 ? BigInteger.MinusOne : BigInteger.Zero, false);
        }
        else
        {
            BigInteger divisor = BigInteger.Pow(10, -exponent);
            BigInteger quotient = BigInteger.DivRem(mantissa, divisor, out BigInteger remainder);
            integral = remainder.IsZero;
            floor = remainder.Sign < 0 ? quotient - 1 : quotient; // DivRem truncates toward zero
        }

        BigInteger ceiling = integral ? floor : floor + 1;
        return lower
            ? (exclusive ? floor + 1 : ceiling)
            : (exclusive ? ceiling - 1 : floor);
    }

    /// <summary>A JSON number as <paramref name="mantissa"/> × 10^<paramref name="exponent"/>, exactly.</summary>
    private static bool TryParse(string raw, out BigInteger mantissa, out int exponent)
    {
        mantissa = BigInteger.Zero;
        exponent = 0;
        int i = 0;
        bool negative = i < raw.Length && raw[i] == '-';
        if (negative)
        {
            i++;
        }

        int digits = 0;
        var text = new System.Text.StringBuilder(raw.Length);
        for (; i < raw.Length && raw[i] is >= '0' and <= '9'; i++, digits++)
        {
            text.Append(raw[i]);
        }

        if (i < raw.Length && raw[i] == '.')
        {
            for (i++; i < raw.Length && raw[i] is >= '0' and <= '9'; i++, digits++)
            {
                text.Append(raw[i]);
                exponent--;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < raw.Length && raw[i] is 'e' or 'E')
        {
            i++;
            bool negativeExponent = i < raw.Length && raw[i] == '-';
            if (i < raw.Length && raw[i] is '-' or '+')
            {
                i++;
            }

            int start = i;
            long e = 0;
            for (; i < raw.Length && raw[i] is >= '0' and <= '9'; i++)
            {
                e = System.Math.Min(e * 10 + (raw[i] - '0'), 1_000_000);
            }

            if (i == start)
            {
                return false;
            }

            exponent = (int)System.Math.Max(System.Math.Min(exponent + (negativeExponent ? -e : e), 1_000_000), -1_000_000);
        }

        if (i != raw.Length)
        {
            return false;
        }

        mantissa = BigInteger.Parse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            mantissa = -mantissa;
        }

        return true;
    }
}
