using Repro.Cli;

namespace Repro.Tests.Data;

public class SynthCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => Repro.Tests.Cli.CliRunner.Run(args);

    [Fact]
    public void Writes_the_set_and_prints_counts()
    {
        string dir = Path.Combine(RepoPaths.NewTempDir("synth-cli"), "out");
        var (code, output, err) = Run("synth", "--out", dir, "--scale", "0.05", "--seed", "7", "--image-size", "32");
        Assert.True(code == 0, err);
        Assert.Contains("wrote 153 synthetic images (synthetic(seed=7,scale=0.05), 32x32)", output);
        Assert.Contains("train      107       9       7     123", output);
        Assert.Contains("test        13       1       1      15", output);
        Assert.Equal(153, Directory.GetFiles(dir, "*.png", SearchOption.AllDirectories).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(dir, "test", "malignant")));
    }

    [Fact]
    public void Refuses_a_non_empty_folder_without_force()
    {
        string dir = RepoPaths.NewTempDir("synth-cli");
        File.WriteAllText(Path.Combine(dir, "keep.txt"), "mine");
        var (code, _, err) = Run("synth", "--out", dir, "--scale", "0.01", "--image-size", "16");
        Assert.Equal(2, code);
        Assert.Contains("not empty", err);

        Directory.CreateDirectory(Path.Combine(dir, "train", "normal"));
        File.WriteAllText(Path.Combine(dir, "train", "normal", "stale.png"), "old");
        (code, _, err) = Run("synth", "--out", dir, "--scale", "0.01", "--image-size", "16", "--force");
        Assert.True(code == 0, err);
        Assert.False(File.Exists(Path.Combine(dir, "train", "normal", "stale.png")));
        Assert.True(File.Exists(Path.Combine(dir, "keep.txt")));
    }

    [Theory]
    [InlineData("--scale", "0")]
    [InlineData("--scale", "-1")]
    [InlineData("--scale", "abc")]
    [InlineData("--image-size", "2")]
    [InlineData("--seed", "1.5")]
    public void Bad_arguments_are_usage_errors(string option, string value)
    {
        string dir = Path.Combine(RepoPaths.NewTempDir("synth-cli"), "out");
        var (code, _, err) = Run("synth", "--out", dir, option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, err);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Out_is_required()
    {
        var (code, _, err) = Run("synth", "--scale", "0.05");
        Assert.Equal(2, code);
        Assert.Contains("--out", err);
    }
}
