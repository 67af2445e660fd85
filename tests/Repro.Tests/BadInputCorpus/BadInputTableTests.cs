using System.Reflection;
using System.Text.RegularExpressions;

namespace Repro.Tests.BadInputCorpus;

/// <summary>docs/BAD_INPUT.md (linked from README) and the corpus tell the same story.</summary>
public partial class BadInputTableTests
{
    private sealed record Row(string Id, string Does, int Exit);

    private static List<Row> TableRows()
    {
        string doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "BAD_INPUT.md"));
        var rows = new List<Row>();
        foreach (string line in doc.Split('\n'))
        {
            var m = RowPattern().Match(line);
            if (m.Success) rows.Add(new Row(m.Groups["id"].Value, m.Groups["does"].Value, int.Parse(m.Groups["exit"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    [GeneratedRegex(@"^\| `(?<id>[a-z0-9-]+)` \| .* \| (?<does>.*) \| (?<exit>\d) \|\s*$")]
    private static partial Regex RowPattern();

    [Fact]
    public void The_table_lists_every_corpus_case_once_and_nothing_else()
    {
        var ids = TableRows().Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Corpus.Cases.Keys.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_row_gives_the_cases_exit_code_and_quotes_its_message()
    {
        foreach (var row in TableRows())
        {
            var c = Corpus.Cases[row.Id];
            Assert.True(c.Exit == row.Exit, $"{row.Id}: the table says exit {row.Exit}, the corpus {c.Exit}");
            Assert.True(row.Does.Contains($"`{c.Says}`", StringComparison.Ordinal), $"{row.Id}: the table does not quote `{c.Says}`");
        }
    }

    [Fact]
    public void Every_corpus_case_is_made_by_exactly_one_test()
    {
        var made = typeof(BadInputCorpusTests).GetMethods()
            .SelectMany(m => m.GetCustomAttributes<CorpusCaseAttribute>())
            .Select(a => a.Id).ToList();
        Assert.Equal(made.Count, made.Distinct().Count());
        Assert.Equal(Corpus.Cases.Keys.Order(StringComparer.Ordinal), made.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Readme_links_the_table()
    {
        Assert.Contains("docs/BAD_INPUT.md", File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")));
    }
}
