using System.Text;
using static TorchSharp.torch;

namespace Repro.Data.Augment;

/// <summary>
/// Steps applied in order, all drawing from the one generator passed in (each step's draws follow the
/// previous step's). Intermediate batches are disposed as soon as the next step has run.
/// </summary>
/// <param name="Steps">The steps, first to last.</param>
public sealed record Compose(IReadOnlyList<IBatchTransform> Steps) : IBatchTransform
{
    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator? generator)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var x = batch;
        foreach (var step in Steps)
        {
            var next = step.Apply(x, generator);
            if (!ReferenceEquals(x, batch)) x.Dispose();
            x = next;
        }
        return ReferenceEquals(x, batch) ? batch.alias() : x;
    }

    /// <summary>Value equality on the steps, not the list instance.</summary>
    public bool Equals(Compose? other) => other is not null && Steps.SequenceEqual(other.Steps);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var s in Steps) h.Add(s);
        return h.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Steps = [").Append(string.Join(", ", Steps)).Append(']');
        return true;
    }
}
