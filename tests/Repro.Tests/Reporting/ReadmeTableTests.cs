using Repro.Experiments;
using Repro.Reporting;

namespace Repro.Tests.Reporting;

public class ReadmeTableTests
{
    [Fact]
    public void The_table_between_the_markers_is_replaced_and_nothing_else()
    {
        string text = $"# T\n\nbefore\n{ReadmeTable.Begin}\n| old |\n{ReadmeTable.End}\nafter\n";
        string replaced = ReadmeTable.Replace(text, "| new |\n", "README.md");
        Assert.Equal($"# T\n\nbefore\n{ReadmeTable.Begin}\n| new |\n{ReadmeTable.End}\nafter\n", replaced);
        Assert.Equal("| new |\n", ReadmeTable.Current(replaced, "README.md"));
        var e = Assert.Throws<InvalidDataException>(() => ReadmeTable.Current("no markers\n", "X.md"));
        Assert.Contains("X.md", e.Message);
    }

    [Fact]
    public void Rows_say_which_tier_verified_them()
    {
        var gpu = ExperimentCatalogue.OfTier(ExperimentTier.Gpu).First();
        var cpu = ExperimentCatalogue.OfTier(ExperimentTier.Cpu).First();
        var longTier = ExperimentCatalogue.OfTier(ExperimentTier.Long).First();
        Assert.Equal("gpu: not yet verified on a GPU", new ExperimentStatus(gpu, [], false).VerifiedBy);
        Assert.Equal("gpu: cuda-sm90", new ExperimentStatus(gpu, ["cuda-sm90"], true).VerifiedBy);
        Assert.Equal("cpu: `dotnet test`", new ExperimentStatus(cpu, [], true).VerifiedBy);
        Assert.Equal("long: not yet verified", new ExperimentStatus(longTier, [], false).VerifiedBy);
    }
}
