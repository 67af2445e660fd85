using System.Globalization;

namespace Repro.Sweeps;

/// <summary>Seeds as a user writes them: <c>42-51</c> (inclusive range), <c>1,5,9</c>, or both (<c>1,10-12</c>).</summary>
public static class SeedList
{
    /// <summary>The seeds in the order written, without repeats; a clear error names the bad part.</summary>
    public static IReadOnlyList<long> Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var seeds = new List<long>();
        var seen = new HashSet<long>();
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            int dash = raw.IndexOf('-', 1); // a leading '-' is a sign, not a range
            long first, last;
            if (dash < 0)
            {
                first = last = Number(raw, text);
            }
            else
            {
                first = Number(raw[..dash], text);
                last = Number(raw[(dash + 1)..], text);
                if (last < first) throw new ArgumentException($"seeds '{text}': range {raw} runs backwards");
                if (last - first >= 100_000) throw new ArgumentException($"seeds '{text}': range {raw} has more than 100000 seeds");
            }
            for (long s = first; s <= last; s++)
                if (!seen.Add(s)) throw new ArgumentException($"seeds '{text}': seed {s.ToString(CultureInfo.InvariantCulture)} is listed twice");
                else seeds.Add(s);
        }
        return seeds;
    }

    private static long Number(string part, string text) =>
        long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v) ? v
            : throw new ArgumentException($"seeds '{text}': '{part}' is not a whole number (write e.g. 42-51 or 1,5,9)");
}
