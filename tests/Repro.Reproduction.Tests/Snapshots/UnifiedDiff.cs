using System.Text;

namespace Repro.Reproduction.Tests.Snapshots;

/// <summary>A line-based unified diff (longest common subsequence, 2 lines of context), as <c>diff -u</c> prints it.</summary>
public static class UnifiedDiff
{
    /// <summary>The diff from <paramref name="before"/> to <paramref name="after"/>; empty when equal.</summary>
    public static string Compute(string before, string after, string beforeName = "verified", string afterName = "received", int context = 2)
    {
        string[] a = before.TrimEnd('\n').Split('\n'), b = after.TrimEnd('\n').Split('\n');
        int n = a.Length, m = b.Length;
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        // Edit script: (' ', line), ('-', line), ('+', line) with positions in a and b.
        var ops = new List<(char Op, string Line, int Ai, int Bi)>();
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[x] == b[y]) { ops.Add((' ', a[x], x, y)); x++; y++; }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1])) { ops.Add(('-', a[x], x, y)); x++; } // deletions first, as diff -u
            else { ops.Add(('+', b[y], x, y)); y++; }
        }
        if (ops.All(o => o.Op == ' ')) return "";
        var sb = new StringBuilder().Append("--- ").Append(beforeName).Append('\n').Append("+++ ").Append(afterName).Append('\n');
        int k = 0;
        while (k < ops.Count)
        {
            if (ops[k].Op == ' ') { k++; continue; }
            int start = Math.Max(0, k - context), end = k;
            // extend the hunk while changes are within 2*context of each other
            int last = k;
            while (end < ops.Count)
            {
                if (ops[end].Op != ' ') last = end;
                else if (end - last > 2 * context) break;
                end++;
            }
            end = Math.Min(ops.Count, last + context + 1);
            int aStart = ops[start].Ai, bStart = ops[start].Bi;
            int aLen = ops.Skip(start).Take(end - start).Count(o => o.Op != '+');
            int bLen = ops.Skip(start).Take(end - start).Count(o => o.Op != '-');
            sb.Append($"@@ -{aStart + 1},{aLen} +{bStart + 1},{bLen} @@\n");
            for (int i = start; i < end; i++) sb.Append(ops[i].Op).Append(ops[i].Line).Append('\n');
            k = end;
        }
        return sb.ToString();
    }
}
