using System.Text.RegularExpressions;

namespace Repro.Data;

/// <summary>
/// The patient or case id carried by a file name, so that images of one patient can be grouped
/// (leakage checks, patient-level splits). Known patterns:
/// <list type="bullet">
/// <item>CBIS-DDSM (benign and cancer): <c>P_00001_LEFT_CC.jpg</c> → <c>P_00001</c>;</item>
/// <item>DDSM normal volumes: <c>A_0003_1.LEFT_CC.jpg</c> → <c>A_0003</c> (the letter is the scanning site);</item>
/// <item>Repro's synthetic set: <c>S_00042_LEFT_CC.png</c> → <c>S_00042</c>.</item>
/// </list>
/// Any other name keeps its file stem (the name without its extension) as the id.
/// </summary>
public static partial class SampleIds
{
    [GeneratedRegex(@"^([A-Za-z]_\d{3,})(?:[_.]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>The id of <paramref name="fileName"/> (a bare name or a path; only the last segment counts).</summary>
    public static string FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        string name = fileName.Replace('\\', '/');
        int slash = name.LastIndexOf('/');
        if (slash >= 0) name = name[(slash + 1)..];
        string stem = Path.GetFileNameWithoutExtension(name);
        var m = IdPattern().Match(stem);
        return m.Success ? m.Groups[1].Value : stem;
    }
}
