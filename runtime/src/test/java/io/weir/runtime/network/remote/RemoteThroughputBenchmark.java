package io.weir.runtime.network.remote;

import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.runtime.network.RecordWriter;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import java.util.Set;

/**
 * Remote throughput over loopback: one producer thread on "TaskManager" tm-a writes 3-field records
 * (long, int, String) through a RecordWriter into a remote target, one consumer thread on tm-b
 * deserializes them from its InputGate. Default options (32 KiB buffers, 2 exclusive + 8 floating).
 * A main, not a test: {@code java -cp <test classpath> io.weir.runtime.network.remote.RemoteThroughputBenchmark [records] [rounds]}.
 */
public final class RemoteThroughputBenchmark {
  record Trade(long id, int quantity, String symbol) {}

  static final class TradeSerializer implements TypeSerializer<Trade> {
    @Override
    public void serialize(Trade value, BinaryOutput out) {
      out.writeLong(value.id());
      out.writeInt(value.quantity());
      StringSerializer.INSTANCE.serialize(value.symbol(), out);
    }

    @Override
    public Trade deserialize(BinaryInput in) {
      return new Trade(in.readLong(), in.readInt(), StringSerializer.INSTANCE.deserialize(in));
    }
  }

  public static void main(String[] args) throws Exception {
    long records = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String[] symbols = {"AAPL", "MSFT", "GOOG", "AMZN", "NVDA", "WEIR", "FLNK", "ORCL"};
    ClusterSecret secret = ClusterSecret.of("benchmark-secret-0123456789");
    try (DataPlane a = DataPlane.start("tm-a", null, 0, secret, DataPlaneOptions.DEFAULT);
        DataPlane b = DataPlane.start("tm-b", null, 0, secret, DataPlaneOptions.DEFAULT)) {
      PeerAddress peerB = new PeerAddress("tm-b", "127.0.0.1", b.address().getPort());
      for (int round = 0; round < rounds; round++) {
        InputGate gate = new InputGate(1);
        b.registerGate("bench", round, "sink", 0, Set.of(0), gate);
        BufferPool pool = new BufferPool(2 + 8, DataPlaneOptions.DEFAULT.bufferSize());
        RecordWriter writer = new ForwardRecordWriter(new TradeSerializer(), pool,
            a.remoteTarget(peerB, new ChannelId("bench", round, "sink", 0, 0)), 0, "sink");
        long[] checksum = new long[1];
        Thread consumer = new Thread(() -> checksum[0] = consume(gate), "consumer");
        long start = System.nanoTime();
        consumer.start();
        for (long i = 0; i < records; i++) {
          writer.emit(new Trade(i, (int) i & 1023, symbols[(int) (i & 7)]));
        }
        writer.broadcastEvent(EndOfInput.INSTANCE);
        consumer.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        long expected = records * (records - 1) / 2;
        if (checksum[0] != expected) {
          throw new AssertionError("checksum " + checksum[0] + " != " + expected);
        }
        System.out.printf("round %d: %,d records in %.2f s = %,.0f records/s%n", round, records, seconds, records / seconds);
        b.releaseJob("bench", round);
        a.releaseJob("bench", round);
      }
    }
  }

  private static long consume(InputGate gate) {
    TradeSerializer serializer = new TradeSerializer();
    BinaryInput in = new BinaryInput();
    long sum = 0;
    while (true) {
      NetworkBuffer buffer = gate.take();
      if (buffer.isEvent()) {
        return sum;
      }
      in.reset(buffer.data(), 0, buffer.length());
      for (int i = 0; i < buffer.records(); i++) {
        sum += serializer.deserialize(in).id();
      }
      buffer.recycle();
    }
  }
}
