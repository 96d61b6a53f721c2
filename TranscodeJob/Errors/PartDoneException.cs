namespace Transcoder.TranscodeJob.Errors;

/// <summary>
/// This task did its part of a long source's job (cut the source and queued its chunks, made the audio, encoded a
/// chunk) and the job goes on in other tasks: not a failure and not the job's end. Exit 0 (the message is deleted),
/// no completion event and no metrics line: the task that assembles the job reports it.
/// </summary>
internal sealed class PartDoneException(string message) : Exception(message);
