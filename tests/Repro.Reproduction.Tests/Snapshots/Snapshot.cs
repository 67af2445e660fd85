using Repro.IO;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Repro.Reproduction.Tests.Snapshots;

/// <summary>
/// Verify-style snapshots (Verify itself is not served by our registry): the text of a test's result is
/// compared with <c>snapshots/{Class}.{Method}[_{parameters}][.{device}].verified.txt</c>. On a
/// difference the new text goes to <c>….received.txt</c> beside it and the test fails with both paths
/// and a unified diff. To accept: <c>REPRO_ACCEPT=1 dotnet test</c>, or rename received → verified. On a build
/// server (<see cref="BuildServer"/>) <c>REPRO_ACCEPT</c> is refused (every verification fails) and a missing verified
/// file fails; on a developer's machine a mismatch also opens the diff tool DiffEngine finds (<c>DiffEngine_Disabled=true</c>
/// turns that off). A passing check removes its received file.
/// </summary>
public static class Snapshot
{
    /// <summary>The folder of verified files (the repository's <c>snapshots/</c>).</summary>
    public static string Directory { get; } = Path.Combine(RepoPaths.Root, "snapshots");

    /// <summary>True when <c>REPRO_ACCEPT=1</c> (or <c>true</c>) is set: mismatches overwrite the verified file instead of failing.</summary>
    public static bool AcceptRequested => Environment.GetEnvironmentVariable("REPRO_ACCEPT") is "1" or "true";

    /// <summary>True when accepting is asked for and allowed (not on a build server).</summary>
    public static bool Accepting => AcceptRequested && !BuildServer.Detected;

    /// <summary>The file stem for a test: <c>{Class}.{Method}[_{parameters}][.{device}]</c>.</summary>
    public static string Name(string testClass, string testMethod, string? parameters = null, string? deviceClass = null)
    {
        var sb = new StringBuilder(testClass).Append('.').Append(testMethod);
        if (!string.IsNullOrEmpty(parameters)) sb.Append('_').Append(parameters);
        if (!string.IsNullOrEmpty(deviceClass)) sb.Append('.').Append(deviceClass);
        return sb.ToString();
    }

    /// <summary>Compares <paramref name="text"/> with the verified snapshot of the calling test.</summary>
    public static void Verify(string text, Type testClass, string? parameters = null, string? deviceClass = null,
        [CallerMemberName] string testMethod = "", string? directory = null) =>
        VerifyNamed(text, Name(testClass.Name, testMethod, parameters, deviceClass), directory ?? Directory);

    /// <summary>
    /// Compares <paramref name="text"/> with <c>{directory}/{name}.verified.{extension}</c>; a mismatch opens the diff tool
    /// unless <paramref name="openDiffTool"/> is false (tests of this helper) or on a build server.
    /// </summary>
    public static void VerifyNamed(string text, string name, string directory, string extension = "txt", bool openDiffTool = true)
    {
        if (AcceptRequested && BuildServer.Detected)
            throw new SnapshotMismatchException(
                $"REPRO_ACCEPT is refused on a build server (CI detected): verified snapshots are accepted on a developer's machine " +
                $"and committed; this run checks {name}.verified.{extension} and accepts nothing.");
        string normalized = Normalize(text);
        string verified = Path.Combine(directory, $"{name}.verified.{extension}");
        string received = Path.Combine(directory, $"{name}.received.{extension}");
        string? expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
        if (expected == normalized)
        {
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        System.IO.Directory.CreateDirectory(directory);
        if (Accepting)
        {
            IO.AtomicFile.WriteAllText(verified, normalized);
            if (File.Exists(received)) File.Delete(received);
            return;
        }
        IO.AtomicFile.WriteAllText(received, normalized);
        if (openDiffTool && expected is not null && !BuildServer.Detected && !DiffEngine.DiffRunner.Disabled)
            DiffEngine.DiffRunner.Launch(received, verified);
        string how = BuildServer.Detected
            ? "On a build server nothing is accepted: run the test on a developer's machine, check the diff, accept with REPRO_ACCEPT=1 and commit the verified file"
            : $"Accept with REPRO_ACCEPT=1 dotnet test, or: mv '{received}' '{verified}'";
        if (expected is null)
            throw new SnapshotMismatchException($"No verified snapshot {verified}.\nReceived: {received}\n{how}\n\n{normalized}");
        throw new SnapshotMismatchException(
            $"Snapshot differs from {verified}\nReceived: {received}\n{how}\n\n{UnifiedDiff.Compute(expected, normalized, verified, received)}");
    }

    /// <summary>UTF-8 text with LF line endings and exactly one final newline.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";
}
