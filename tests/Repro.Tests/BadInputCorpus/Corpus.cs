namespace Repro.Tests.BadInputCorpus;

/// <summary>The bad-input corpus: every input <c>repro</c> refuses (or accepts with a warning), with its expected
/// answer. The tests in <see cref="BadInputCorpusTests"/> make each one; docs/BAD_INPUT.md must list exactly these.</summary>
public static class Corpus
{
    /// <summary>Every case by id.</summary>
    public static IReadOnlyDictionary<string, CorpusCase> Cases { get; } = new CorpusCase[]
    {
        new("symlink-loop", 1, "symbolic link loop"),
        new("dangling-symlink", 1, "dangling symbolic link"),
        new("symlink-loop-audit", 0, "symbolic link loop"),
        new("predict-folder-link-loop", 0, "already visited: not followed"),
        new("jpeg-declared-size", 1, "the header declares 6000x6000"),
        new("jpeg-declared-size-predict", 1, "the header declares 6000x6000"),
        new("png-declared-size", 1, "the header declares 600x600"),
        new("same-file-train-test", 0, "the same file is in train and test"),
        new("checkpoint-wrong-architecture", 1, "the checkpoint's header names the model"),
        new("report-truncated-result", 0, "could not read"),
        new("evaluate-rows-not-summing-to-1", 0, "do not sum to 1"),
        new("checkpoint-write-killed", 0, "removed the stale temporary file"),
        new("empty-image", 1, "empty file (0 bytes)"),
        new("text-named-jpg", 1, "not a JPEG or PNG image"),
        new("truncated-jpeg", 1, "truncated JPEG"),
        new("missing-split", 1, "missing split folder 'val/'"),
        new("stray-file-in-split", 1, "file outside a class folder"),
        new("predict-missing-checkpoint", 1, "does not exist"),
        new("evaluate-negative-probability", 1, "is negative"),
        new("skip-bad-files", 0, "bad file(s) skipped"),
        new("threads-out-of-range", 2, "--threads must be"),
        new("out-is-a-file", 1, "is a file, not a folder"),
        new("batch-size-zero", 2, "batch_size (--set batch_size=0) must be ≥ 1"),
        new("batch-size-negative", 2, "batch_size (--set batch_size=-4) must be ≥ 1"),
        new("eval-batch-size-zero", 2, "eval_batch_size (--set eval_batch_size=0) must be ≥ 1"),
        new("learning-rate-negative", 2, "learning_rate (--set learning_rate=-1) must be a finite number > 0"),
        new("train-fraction-zero", 2, "train_fraction (--set train_fraction=0) must be > 0 and ≤ 1"),
        new("focal-gamma-negative", 2, "loss.gamma (--set loss.gamma=-5) must be a finite number ≥ 0"),
        new("unknown-option", 2, "--no-such-option"),
    }.ToDictionary(c => c.Id, StringComparer.Ordinal);
}
