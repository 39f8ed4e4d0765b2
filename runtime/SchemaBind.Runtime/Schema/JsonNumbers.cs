using System;
using System.Globalization;
using System.Text.Json;

namespace SchemaBind.Runtime;

/// <summary>
/// JSON values compared as JSON Schema compares them: numbers by mathematical value (1 equals
/// 1.0), exactly in decimal where the value fits, objects regardless of property order.
/// </summary>
internal static class JsonNumbers
{
    public static bool IsInteger(JsonElement number)
    {
        if (number.TryGetDecimal(out decimal d))
        {
            return d == decimal.Truncate(d);
        }

        string raw = number.GetRawText();
        if (raw.IndexOfAny(['.', 'e', 'E']) < 0)
        {
            return true; // an integer too big for decimal
        }

        double value = number.GetDouble();
        return !double.IsInfinity(value) && Math.Floor(value) == value;
    }

    public static int Compare(JsonElement a, JsonElement b)
    {
        if (a.TryGetDecimal(out decimal x) && b.TryGetDecimal(out decimal y))
        {
            return x.CompareTo(y);
        }

        return a.GetDouble().CompareTo(b.GetDouble());
    }

    public static bool IsMultipleOf(JsonElement value, JsonElement divisor)
    {
        if (value.TryGetDecimal(out decimal v) && divisor.TryGetDecimal(out decimal m) && m != 0)
        {
            try
            {
                return v % m == 0;
            }
            catch (OverflowException)
            {
                // fall through to double arithmetic
            }
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
                return a.ValueEquals(b.GetString());
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
