namespace Repro.Models;

/// <summary>
/// The network the report's prose describes (but the study did not train): four blocks with channels
/// 3→64→128→256→512, global average pooling, Linear 512→256, ReLU, Dropout 0.5, Linear 256→3 —
/// 1,684,995 parameters. Kept for the models table and benchmarks.
/// </summary>
public sealed class ProseCnn : PlainCnn
{
    /// <summary>Trainable parameters of this architecture (pinned by a test).</summary>
    public const long ParameterCount = 1_684_995;

    /// <summary>Builds the network with He-initialised convolutions (seed first for a repeatable init).</summary>
    public ProseCnn() : base("ProseCnn", new[] { 64, 128, 256, 512 }, hidden: 256) { }

    /// <inheritdoc />
    public override string Architecture => "prose-cnn";
}
