using Repro.IO;
using Repro.Training.Presets;

namespace Repro.Results;

/// <summary>Reads and writes <see cref="RunResult"/> files (JSON, written atomically).</summary>
public static class ResultFile
{
    /// <summary>File name of a run's result: <c>{preset}-{hash}-seed{seed}.json</c> (<see cref="ResultIdentity.Stem"/>).</summary>
    public static string FileName(Preset preset, long seed) => ResultIdentity.Stem(preset, seed) + ".json";

    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, RunResult result) => AtomicFile.WriteAllText(path, ReproJson.Serialize(result) + "\n");

    /// <summary>Reads a result file; a clear error names the file if it is not one.</summary>
    public static RunResult Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"result file {path} does not exist", path);
        var r = ReproJson.Deserialize<RunResult>(File.ReadAllText(path), path);
        if (r.SchemaVersion != 1) throw new InvalidDataException($"{path}: result schema {r.SchemaVersion} is not supported (expected 1)");
        return r;
    }
}
