package dev.loupe.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
  @Test
  void theDefaultsAreThePlatformsLimits() {
    RateLimits limits = RateLimits.platform();
    assertThat(limits.perMinute(RateCategory.DEFAULT)).isEqualTo(100);
    assertThat(limits.perMinute(RateCategory.TRAINING)).isEqualTo(10);
    assertThat(limits.perMinute(RateCategory.UPLOAD)).isEqualTo(10);
    assertThat(limits.perMinute(RateCategory.PREDICT)).isEqualTo(20);
    assertThat(limits.perMinute(RateCategory.EXPORT)).isEqualTo(20);
    assertThat(limits.perMinute(RateCategory.DOWNLOAD)).isEqualTo(30);
  }

  @Test
  void theRequestOverBudgetWaitsUntilTheOldestLeavesTheWindow() {
    FakeClock clock = new FakeClock();
    RateBudget budget = new RateBudget(RateLimits.platform(), clock);
    for (int i = 0; i < 10; i++) {
      budget.acquire(RateCategory.TRAINING);
    }
    assertThat(clock.sleeps).isEmpty();
    budget.acquire(RateCategory.TRAINING);
    assertThat(clock.slept()).isEqualTo(Duration.ofMinutes(1));
    assertThat(budget.used(RateCategory.TRAINING)).isEqualTo(1);
  }

  @Test
  void categoriesCountApart() {
    FakeClock clock = new FakeClock();
    RateBudget budget = new RateBudget(RateLimits.platform(), clock);
    for (int i = 0; i < 20; i++) {
      budget.acquire(RateCategory.PREDICT);
    }
    for (int i = 0; i < 100; i++) {
      budget.acquire(RateCategory.DEFAULT);
    }
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void aPauseHoldsItsCategoryOnly() {
    FakeClock clock = new FakeClock();
    RateBudget budget = new RateBudget(RateLimits.platform(), clock);
    Instant until = clock.now().plusSeconds(12);
    budget.pauseUntil(RateCategory.UPLOAD, until);
    budget.acquire(RateCategory.DEFAULT);
    assertThat(clock.sleeps).isEmpty();
    budget.acquire(RateCategory.UPLOAD);
    assertThat(clock.now()).isEqualTo(until);
  }

  @Test
  void customLimitsApply() {
    FakeClock clock = new FakeClock();
    RateBudget budget = new RateBudget(RateLimits.platform().with(RateCategory.DEFAULT, 2), clock);
    budget.acquire(RateCategory.DEFAULT);
    budget.acquire(RateCategory.DEFAULT);
    budget.acquire(RateCategory.DEFAULT);
    assertThat(clock.slept()).isEqualTo(Duration.ofMinutes(1));
  }
}
