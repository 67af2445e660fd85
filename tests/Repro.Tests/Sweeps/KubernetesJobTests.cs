using Repro.Sweeps;
using YamlDotNet.RepresentationModel;

namespace Repro.Tests.Sweeps;

public class KubernetesJobTests
{
    private static SweepPlan Plan(int seeds) => SweepPlanner.Expand(TinySweep.Request(Enumerable.Range(1, seeds).Select(i => (long)i).ToArray()), "s");

    private static YamlNode At(YamlNode node, params object[] path)
    {
        foreach (object step in path)
            node = step is int i ? ((YamlSequenceNode)node).Children[i] : ((YamlMappingNode)node).Children[new YamlScalarNode((string)step)];
        return node;
    }

    private static string S(YamlNode node, params object[] path) => ((YamlScalarNode)At(node, path)).Value!;

    [Fact]
    public void The_manifest_is_a_valid_indexed_job_with_one_completion_per_entry()
    {
        var plan = Plan(5);
        string yaml = KubernetesJob.Text(plan, new KubernetesOptions
        {
            Image = "ghcr.io/example/repro:1.0", Parallelism = 2, Memory = "8Gi", Gpus = 1, VolumeClaim = "lab-nfs", SweepPath = "sweeps/s1",
        });
        var (job, errors) = JobSchema.Check(yaml);
        Assert.Empty(errors);

        Assert.Equal("Indexed", S(job, "spec", "completionMode"));
        Assert.Equal("5", S(job, "spec", "completions"));
        Assert.Equal("2", S(job, "spec", "parallelism"));
        Assert.Equal($"repro-sweep-{plan.PlanHash}", S(job, "metadata", "name"));
        Assert.Equal("Never", S(job, "spec", "template", "spec", "restartPolicy"));
        var c = At(job, "spec", "template", "spec", "containers", 0);
        Assert.Equal("ghcr.io/example/repro:1.0", S(c, "image"));
        Assert.Equal("/shared/sweeps/s1", S(c, "workingDir"));
        Assert.Equal(new[] { "repro" }, ((YamlSequenceNode)At(c, "command")).Children.Select(n => ((YamlScalarNode)n).Value));
        // The Job controller sets JOB_COMPLETION_INDEX in every pod; the kubelet expands $(VAR) in args.
        Assert.Equal(new[] { "run", "--plan", "plan.json", "--index", "$(JOB_COMPLETION_INDEX)" },
            ((YamlSequenceNode)At(c, "args")).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal("REPRO_CACHE", S(c, "env", 0, "name"));
        Assert.Equal("/shared/cache", S(c, "env", 0, "value"));
        Assert.Equal("2", S(c, "resources", "requests", "cpu"));
        Assert.Equal("1", S(c, "resources", "limits", "nvidia.com/gpu"));
        Assert.Equal("8Gi", S(c, "resources", "limits", "memory"));
        // One shared volume holds data, cache and results: mounted at the path the working folder and cache are under.
        Assert.Equal(S(c, "volumeMounts", 0, "name"), S(job, "spec", "template", "spec", "volumes", 0, "name"));
        Assert.Equal("/shared", S(c, "volumeMounts", 0, "mountPath"));
        Assert.Equal("lab-nfs", S(job, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"));
    }

    [Fact]
    public void Defaults_give_a_valid_job_with_requests_only()
    {
        var (job, errors) = JobSchema.Check(KubernetesJob.Text(Plan(3), new KubernetesOptions { Image = "repro:latest" }));
        Assert.Empty(errors);
        Assert.Equal("3", S(job, "spec", "parallelism"));
        var resources = (YamlMappingNode)At(job, "spec", "template", "spec", "containers", 0, "resources");
        Assert.Equal(new[] { "requests" }, resources.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
    }

    [Fact]
    public void The_schema_check_catches_what_it_is_for()
    {
        // The checker itself must fail on a wrong manifest: an unknown field, a quoted integer, a bad enum value.
        string good = KubernetesJob.Text(Plan(2), new KubernetesOptions { Image = "repro:1" });
        Assert.Contains(JobSchema.Check(good.Replace("completions: 2", "completions: \"2\"")).Errors, e => e.Contains(".spec.completions"));
        Assert.Contains(JobSchema.Check(good.Replace("completionMode: Indexed", "completionMode: Indexd")).Errors, e => e.Contains("not one of"));
        Assert.Contains(JobSchema.Check(good.Replace("restartPolicy:", "restartPolcy:")).Errors, e => e.Contains("not a field of PodSpec"));
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        Assert.Contains("image", Assert.Throws<ArgumentException>(() => KubernetesJob.Text(Plan(2), new KubernetesOptions { Image = " " })).Message);
        Assert.Contains("absolute", Assert.Throws<ArgumentException>(() => KubernetesJob.Text(Plan(2), new KubernetesOptions { Image = "r", MountPath = "shared" })).Message);
        Assert.Contains("without '..'", Assert.Throws<ArgumentException>(() => KubernetesJob.Text(Plan(2), new KubernetesOptions { Image = "r", SweepPath = "../x" })).Message);
    }
}
