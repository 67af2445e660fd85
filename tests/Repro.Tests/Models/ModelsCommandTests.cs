using Repro.Cli;

namespace Repro.Tests.Models;

public class ModelsCommandTests
{
    [Fact]
    public void Models_verb_prints_every_models_counts_with_separators()
    {
        TestRuntime.Init();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandLine.Run(new[] { "models" }, stdout, stderr);
        string text = stdout.ToString();
        Assert.True(code == 0, stderr.ToString());
        foreach (var expected in new[] { "1,636,611", "1,684,995", "11,242,563", "66,051", "11,176,512", "15,963,203", "15,897,152" })
            Assert.Contains(expected, text);
        foreach (var name in new[] { "custom-cnn", "prose-cnn", "resnet18+head", "resnet18-imagenet+head" })
            Assert.Contains(name, text);
    }
}
