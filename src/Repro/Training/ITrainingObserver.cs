namespace Repro.Training;

/// <summary>Progress of a run, for progress bars and logs. Every method has a silent default.</summary>
public interface ITrainingObserver
{
    /// <summary>A stage began (decode, features, train, test …).</summary>
    void OnStage(string stage) { }

    /// <summary>One training batch finished.</summary>
    void OnBatch(int epoch, int epochs, int batch, int batches, double loss, double imagesPerSecond) { }

    /// <summary>One epoch finished (training and validation).</summary>
    void OnEpoch(EpochRecord record, int epochs) { }
}
