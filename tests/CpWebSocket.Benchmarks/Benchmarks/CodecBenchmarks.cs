using BenchmarkDotNet.Attributes;
using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// The receive and send paths without a socket (see <see cref="CodecWorkload"/>). Receive compares with the record's
/// own deserialization, so the allocation beyond it is what routing costs; TwoLevel routes the same record by a second
/// value inside the payload. Send compares with the hand-written writer, and shows the record's own serialization into
/// a reused writer as the floor.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class CodecBenchmarks
{
    private CodecWorkload _workload = null!;

    [Params(MessageSize.Small, MessageSize.Large)]
    public MessageSize Size { get; set; }

    [GlobalSetup]
    public void Setup() => _workload = new CodecWorkload(Size);

    [GlobalCleanup]
    public void Cleanup() => _workload.Dispose();

    [BenchmarkCategory("Receive"), Benchmark(Baseline = true)]
    public void RecordOnly_Receive() => _workload.ReceiveRecordOnly();

    [BenchmarkCategory("Receive"), Benchmark]
    public void Generated_Receive() => _workload.ReceiveGenerated();

    [BenchmarkCategory("Receive"), Benchmark]
    public void HandWritten_Receive() => _workload.ReceiveHandWritten();

    [BenchmarkCategory("Receive"), Benchmark]
    public void Generated_TwoLevel_Receive() => _workload.ReceiveTwoLevelGenerated();

    [BenchmarkCategory("Receive"), Benchmark]
    public void RecordOnly_TwoLevel_Receive() => _workload.ReceiveTwoLevelRecordOnly();

    [BenchmarkCategory("Send"), Benchmark]
    public int RecordOnly_Send() => _workload.SendRecordOnly();

    [BenchmarkCategory("Send"), Benchmark]
    public int Generated_Send() => _workload.SendGenerated();

    [BenchmarkCategory("Send"), Benchmark(Baseline = true)]
    public int HandWritten_Send() => _workload.SendHandWritten();

    [BenchmarkCategory("Send"), Benchmark]
    public int NewArray_Send() => _workload.SendToNewArray();
}
