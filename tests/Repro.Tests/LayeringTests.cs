using System.Text.RegularExpressions;

namespace Repro.Tests;

/// <summary>
/// The core library's namespaces depend one way (ARCHITECTURE.md): each stage may use the ones below it, never one
/// above it, so that no two stages import each other.
/// </summary>
public partial class LayeringTests
{
    // Bottom to top. The root namespace (Trainer, FinalEvaluation) sits with Sweeps at the top and may use them all.
    private static readonly string[] Layers = ["IO", "Runtime", "Data", "Models", "Evaluation", "Training", "Results", "Sweeps"];

    [GeneratedRegex(@"\bRepro\.(IO|Runtime|Data|Models|Evaluation|Training|Results|Sweeps)\b")]
    private static partial Regex Reference();

    [Fact]
    public void No_stage_of_the_core_library_refers_to_a_stage_above_it()
    {
        var wrong = new List<string>();
        string src = Path.Combine(RepoPaths.Root, "src", "Repro");
        for (int i = 0; i < Layers.Length; i++)
        {
            var above = Layers[(i + 1)..].ToHashSet(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(src, Layers[i]), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match m in Reference().Matches(File.ReadAllText(file)))
                    if (above.Contains(m.Groups[1].Value))
                        wrong.Add($"{Path.GetRelativePath(src, file)} uses Repro.{m.Groups[1].Value}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Distinct()));
        Assert.True(File.Exists(Path.Combine(src, "Trainer.cs"))); // the walk above would miss a moved top
    }
}
