using Repro.Evaluation;

namespace Repro.Results;

/// <summary>The files a finished run leaves in its output folder: the result file and the test predictions beside it.</summary>
public static class RunFiles
{
    /// <summary>Writes <paramref name="result"/>'s files into <paramref name="outputDirectory"/>; returns the result file's path.</summary>
    public static string Write(string outputDirectory, RunResult result)
    {
        string path = Path.Combine(outputDirectory, ResultFile.FileName(result.Preset, result.Seed));
        ResultFile.Write(path, result);
        PredictionsCsv.Write(Path.ChangeExtension(path, ".test-predictions.csv"), result.TestPredictions);
        return path;
    }
}
