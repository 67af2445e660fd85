using System.Globalization;

namespace Repro.Cli;

/// <summary>
/// The options after the verb: <c>--name value</c>, <c>--name=value</c> and <c>--flag</c>.
/// Each option is taken once by the verb; whatever was not taken is reported as unknown, so a typo
/// never passes silently.
/// </summary>
internal sealed class CommandArgs
{
    private readonly List<string> _tokens;
    private readonly HashSet<int> _used = new();

    public CommandArgs(IEnumerable<string> tokens) => _tokens = tokens.ToList();

    /// <summary>True when <c>--help</c> or <c>-h</c> was given.</summary>
    public bool WantsHelp => _tokens.Contains("--help") || _tokens.Contains("-h");

    /// <summary>The value of <paramref name="name"/>, or null when absent.</summary>
    public string? String(string name)
    {
        for (int i = 0; i < _tokens.Count; i++)
        {
            string t = _tokens[i];
            if (t == name)
            {
                if (i + 1 >= _tokens.Count || (_tokens[i + 1].StartsWith("--", StringComparison.Ordinal) && _tokens[i + 1].Length > 2))
                    throw new UsageException($"option {name} needs a value");
                _used.Add(i); _used.Add(i + 1);
                return _tokens[i + 1];
            }
            if (t.StartsWith(name + "=", StringComparison.Ordinal))
            {
                _used.Add(i);
                return t[(name.Length + 1)..];
            }
        }
        return null;
    }

    /// <summary>The value of <paramref name="name"/> as an integer, or null when absent.</summary>
    public int? Int(string name)
    {
        string? s = String(name);
        if (s is null) return null;
        return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
            ? v : throw new UsageException($"option {name}: '{s}' is not an integer");
    }

    /// <summary>The value of <paramref name="name"/> as a 64-bit integer, or null when absent.</summary>
    public long? Long(string name)
    {
        string? s = String(name);
        if (s is null) return null;
        return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v)
            ? v : throw new UsageException($"option {name}: '{s}' is not an integer");
    }

    /// <summary>The value of <paramref name="name"/> as a number, or null when absent.</summary>
    public double? Double(string name)
    {
        string? s = String(name);
        if (s is null) return null;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v : throw new UsageException($"option {name}: '{s}' is not a number");
    }

    /// <summary>True when the flag <paramref name="name"/> is present.</summary>
    public bool Flag(string name)
    {
        int i = _tokens.IndexOf(name);
        if (i < 0) return false;
        _used.Add(i);
        return true;
    }

    /// <summary>Every <c>--set key=value</c> pair (repeatable), in order.</summary>
    public List<KeyValuePair<string, string>> All(string name)
    {
        var result = new List<KeyValuePair<string, string>>();
        for (int i = 0; i < _tokens.Count; i++)
        {
            if (_tokens[i] != name) continue;
            if (i + 1 >= _tokens.Count) throw new UsageException($"option {name} needs a value");
            string kv = _tokens[i + 1];
            int eq = kv.IndexOf('=');
            if (eq <= 0) throw new UsageException($"option {name}: '{kv}' is not key=value");
            result.Add(new(kv[..eq], kv[(eq + 1)..]));
            _used.Add(i); _used.Add(i + 1);
        }
        return result;
    }

    /// <summary>Fails when any token was not taken by the verb.</summary>
    public void EnsureAllUsed()
    {
        var unknown = _tokens.Where((t, i) => !_used.Contains(i) && t != "--help" && t != "-h").ToList();
        if (unknown.Count > 0)
            throw new UsageException($"unknown option(s): {string.Join(" ", unknown)}");
    }
}
