package com.example.sensors;

import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.JobPlanProvider;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.time.BoundedOutOfOrderness;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The plan of job {@code sensor-windows}.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class SensorWindowsJobPlan implements JobPlanProvider {
  @Override
  public JobPlan plan() {
    return JobPlan.builder("sensor-windows")
        .defaultParallelism(1)
        .maxParallelism(128)
        .stateBackend("heap")
        .source("3b48cb74efcfba28", "Readings", "com.example.sensors.Readings", 0,
            Readings::new, Reading_WeirSerializer.INSTANCE)
        .eventTime("3b48cb74efcfba28",
            (reader, record) -> ((Readings) reader).time((Reading) record),
            () -> new BoundedOutOfOrderness(2000L), 0L)
        .operator("ff6976dc826a343f", "Bursts", "com.example.sensors.Bursts", 0,
            Bursts_WeirInvoker::new, SensorMean_WeirSerializer.INSTANCE, List.of("com.example.sensors.Reading"), new Bursts_WeirKeys())
        .operator("7e49c83c7fa61128", "SensorAverages", "com.example.sensors.SensorAverages", 0,
            SensorAverages_WeirInvoker::new, SensorMean_WeirSerializer.INSTANCE, List.of("com.example.sensors.Reading"), new SensorAverages_WeirKeys())
        .sideOutput("7e49c83c7fa61128", "late", Reading_WeirSerializer.INSTANCE)
        .sink("a0bf4bc3fb30239a", "LateLog", "com.example.sensors.LateLog", 0,
            LateLog_WeirInvoker::new, List.of("com.example.sensors.Reading"), null)
        .sink("c8831c4023df5806", "MeanLog", "com.example.sensors.MeanLog", 0,
            MeanLog_WeirInvoker::new, List.of("com.example.sensors.SensorMean"), null)
        .edge("3b48cb74efcfba28", "ff6976dc826a343f", 0, Partitioning.HASH)
        .edge("3b48cb74efcfba28", "7e49c83c7fa61128", 0, Partitioning.HASH)
        .edge("7e49c83c7fa61128", "a0bf4bc3fb30239a", 0, Partitioning.FORWARD, "late")
        .edge("7e49c83c7fa61128", "c8831c4023df5806", 0, Partitioning.FORWARD)
        .edge("ff6976dc826a343f", "c8831c4023df5806", 0, Partitioning.FORWARD)
        .build();
  }
}
