namespace Repro.Reproduction.Tests.Snapshots;

/// <summary>
/// Whether the tests run on a build server: <c>CI</c> (any value but false/0) or one of the usual CI variables, or
/// what DiffEngine's own detector recognises. There <c>REPRO_ACCEPT</c> is refused and no diff tool is opened.
/// </summary>
public static class BuildServer
{
    /// <summary>Variables whose presence marks a build server (GitHub, GitLab, Azure, Jenkins, TeamCity, Buildkite, …).</summary>
    public static IReadOnlyList<string> Variables { get; } =
    [
        "GITHUB_ACTIONS", "GITLAB_CI", "TF_BUILD", "JENKINS_URL", "TEAMCITY_VERSION", "BUILDKITE", "CIRCLECI", "TRAVIS",
        "APPVEYOR", "BITBUCKET_BUILD_NUMBER", "DRONE", "CODEBUILD_BUILD_ID", "WOODPECKER_CI",
    ];

    /// <summary>True on a build server (read from the environment on each call).</summary>
    public static bool Detected => DetectedIn(Environment.GetEnvironmentVariable) || DiffEngine.BuildServerDetector.Detected;

    /// <summary>The rule applied to an environment given as a lookup (tests use their own).</summary>
    public static bool DetectedIn(Func<string, string?> variable)
    {
        string? ci = variable("CI");
        if (!string.IsNullOrWhiteSpace(ci) && !ci.Trim().Equals("false", StringComparison.OrdinalIgnoreCase) && ci.Trim() != "0")
            return true;
        return Variables.Any(v => !string.IsNullOrWhiteSpace(variable(v)));
    }
}
