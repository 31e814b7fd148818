package com.example.clicks;

import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.JobPlanProvider;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.time.BoundedOutOfOrderness;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The plan of job {@code click-alerts}.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class ClickAlertsJobPlan implements JobPlanProvider {
  @Override
  public JobPlan plan() {
    return JobPlan.builder("click-alerts")
        .defaultParallelism(1)
        .maxParallelism(128)
        .stateBackend("heap")
        .source("e2db94d57d48e5b8", "Clicks", "com.example.clicks.Clicks", 0,
            Clicks::new, Click_WeirSerializer.INSTANCE)
        .eventTime("e2db94d57d48e5b8",
            (reader, record) -> ((Clicks) reader).time((Click) record),
            () -> new BoundedOutOfOrderness(500L), 5000L)
        .operator("6e5e9b0b082dfe7b", "Inactivity", "com.example.clicks.Inactivity", 0,
            Inactivity_WeirInvoker::new, Alert_WeirSerializer.INSTANCE, List.of("com.example.clicks.Click"), new Inactivity_WeirKeys())
        .sink("d08162a4c01d26eb", "AlertLog", "com.example.clicks.AlertLog", 0,
            AlertLog_WeirInvoker::new, List.of("com.example.clicks.Alert"), null)
        .edge("e2db94d57d48e5b8", "6e5e9b0b082dfe7b", 0, Partitioning.HASH)
        .edge("6e5e9b0b082dfe7b", "d08162a4c01d26eb", 0, Partitioning.FORWARD)
        .build();
  }
}
