using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>
/// JSON values compared as JSON Schema compares them: numbers by mathematical value (1 equals
/// 1.0), exactly: in decimal where that is exact, else on the number's decimal text with BigInteger
/// (1e-400, 1e308, 40-digit integers), with doubles only for exponents beyond 10^4096; objects
/// regardless of property order.
/// </summary>
internal static class JsonNumbers
{
    /// <summary>The widest power of ten computed exactly (10^4096 is about 1.7 KB); past it, doubles.</summary>
    private const int MaxExactScale = 4096;

    public static bool IsInteger(JsonElement number)
    {
        if (number.TryGetInt64(out _))
        {
            return true;
        }

        if (TryDecimal(number, out decimal d))
        {
            return d == decimal.Truncate(d);
        }

        if (TryExact(number, out BigInteger significand, out int exponent) && -exponent <= MaxExactScale)
        {
            return exponent >= 0 || significand % BigInteger.Pow(10, -exponent) == 0;
        }

        double value = number.GetDouble();
        return !double.IsInfinity(value) && Math.Floor(value) == value;
    }

    public static int Compare(JsonElement a, JsonElement b)
    {
        if (TryDecimal(a, out decimal x) && TryDecimal(b, out decimal y))
        {
            return x.CompareTo(y);
        }

        if (TryExact(a, out BigInteger m, out int p) && TryExact(b, out BigInteger n, out int q) && Math.Abs(p - q) <= MaxExactScale)
        {
            return p >= q ? (m * BigInteger.Pow(10, p - q)).CompareTo(n) : m.CompareTo(n * BigInteger.Pow(10, q - p));
        }

        return a.GetDouble().CompareTo(b.GetDouble());
    }

    public static bool IsMultipleOf(JsonElement value, JsonElement divisor)
    {
        if (TryDecimal(value, out decimal v) && TryDecimal(divisor, out decimal m) && m != 0)
        {
            try
            {
                return v % m == 0;
            }
            catch (OverflowException)
            {
                // fall through to exact arithmetic
            }
        }

        if (TryExact(value, out BigInteger a, out int p) && TryExact(divisor, out BigInteger b, out int q) && !b.IsZero
            && Math.Abs(p - q) <= MaxExactScale)
        {
            return p >= q ? (a * BigInteger.Pow(10, p - q)) % b == 0 : a % (b * BigInteger.Pow(10, q - p)) == 0;
        }

        double dv = value.GetDouble();
        double dm = divisor.GetDouble();
        double quotient = dv / dm;
        if (double.IsInfinity(quotient))
        {
            // The quotient overflows: an integer is still a multiple of 1/n.
            double reciprocal = 1 / dm;
            return IsInteger(value) && Math.Floor(reciprocal) == reciprocal;
        }

        return Math.Abs(quotient - Math.Round(quotient)) < 1e-9;
    }

    /// <summary>
    /// The number as a decimal when that is exact: written without an exponent in at most 28 characters
    /// (so at most 28 digits). Otherwise decimal would round (30 digits), underflow (1e-400 becomes 0) or
    /// overflow (1e308), and the exact path is taken.
    /// </summary>
    public static bool TryDecimal(JsonElement number, out decimal value)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(number);
        if (raw.Length > 28 || raw.IndexOfAny((byte)'e', (byte)'E') >= 0)
        {
            value = default;
            return false;
        }

        return number.TryGetDecimal(out value);
    }

    /// <summary>
    /// The integer a JSON number's text denotes, exactly (1e2 and 100.0 are 100), or false when it is not an
    /// integer (1.5, 1e-400) or its exponent is beyond 10^4096.
    /// </summary>
    public static bool TryGetInteger(string raw, out BigInteger value)
    {
        value = default;
        if (!TryExact(raw, out BigInteger significand, out int exponent) || Math.Abs(exponent) > MaxExactScale)
        {
            return false;
        }

        if (exponent >= 0)
        {
            value = significand * BigInteger.Pow(10, exponent);
            return true;
        }

        value = BigInteger.DivRem(significand, BigInteger.Pow(10, -exponent), out BigInteger remainder);
        return remainder.IsZero;
    }

    private static bool TryExact(JsonElement number, out BigInteger significand, out int exponent) =>
        TryExact(number.GetRawText(), out significand, out exponent);

    /// <summary>Reads a JSON number's text exactly as <paramref name="significand"/> × 10^<paramref name="exponent"/>.</summary>
    private static bool TryExact(string raw, out BigInteger significand, out int exponent)
    {
        int e = raw.IndexOfAny(['e', 'E']);
        exponent = 0;
        if (e >= 0 && (!int.TryParse(raw.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
            || Math.Abs(exponent) > 1_000_000))
        {
            significand = default;
            return false;
        }

        string mantissa = e >= 0 ? raw[..e] : raw;
        int point = mantissa.IndexOf('.');
        if (point >= 0)
        {
            exponent -= mantissa.Length - point - 1;
            mantissa = string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        }

        return BigInteger.TryParse(mantissa, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out significand);
    }

    public static bool JsonEquals(JsonElement a, JsonElement b)
    {
        JsonValueKind kind = a.ValueKind;
        if (kind != b.ValueKind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                return Compare(a, b) == 0;
            case JsonValueKind.String:
                return Utf8Text.TryGetUnescaped(b, out ReadOnlySpan<byte> utf8) ? a.ValueEquals(utf8) : a.ValueEquals(b.GetString());
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                using (JsonElement.ArrayEnumerator left = a.EnumerateArray(), right = b.EnumerateArray())
                {
                    while (left.MoveNext() && right.MoveNext())
                    {
                        if (!JsonEquals(left.Current, right.Current))
                        {
                            return false;
                        }
                    }
                }

                return true;
            case JsonValueKind.Object:
                int count = 0;
                foreach (JsonProperty property in a.EnumerateObject())
                {
                    count++;
                    if (!b.TryGetProperty(property.Name, out JsonElement other) || !JsonEquals(property.Value, other))
                    {
                        return false;
                    }
                }

                foreach (JsonProperty _ in b.EnumerateObject())
                {
                    count--;
                }

                return count == 0;
            default:
                return true; // true, false, null
        }
    }
}
