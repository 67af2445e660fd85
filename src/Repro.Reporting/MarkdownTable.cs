using System.Text;

namespace Repro.Reporting;

/// <summary>A GitHub-flavoured markdown pipe table built row by row; numeric columns are right-aligned.</summary>
public sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly bool[] _right;
    private readonly List<string[]> _rows = new();

    /// <summary>Creates a table; a header starting with <c>&gt;</c> marks a right-aligned column (the mark is not shown).</summary>
    public MarkdownTable(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _right = headers.Select(h => h.StartsWith('>')).ToArray();
        _headers = headers.Select(h => h.TrimStart('>')).ToArray();
    }

    /// <summary>Number of data rows.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row; missing cells are blank, extra cells are an error.</summary>
    public MarkdownTable Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length > _headers.Length) throw new ArgumentException($"row has {cells.Length} cells, table has {_headers.Length} columns", nameof(cells));
        _rows.Add(cells.Concat(Enumerable.Repeat("", _headers.Length - cells.Length)).Select(ReportFormat.Cell).ToArray());
        return this;
    }

    /// <summary>Writes the table followed by a blank line.</summary>
    public void WriteTo(StringBuilder sb)
    {
        ArgumentNullException.ThrowIfNull(sb);
        sb.Append("| ").AppendJoin(" | ", _headers.Select(ReportFormat.Cell)).Append(" |\n");
        sb.Append('|').AppendJoin("|", _right.Select(r => r ? "---:" : "---")).Append("|\n");
        foreach (var row in _rows) sb.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        sb.Append('\n');
    }
}
