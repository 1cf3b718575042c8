package org.tumen.store.intake;

import java.util.List;
import org.tumen.store.intake.IntakeDraft.ActForm;
import org.tumen.store.intake.IntakeDraft.EventForm;
import org.tumen.store.intake.IntakeDraft.PersonForm;
import org.tumen.store.intake.IntakeDraft.SourceForm;

/** Intake drafts for tests. The testimony is synthetic and holds a canary word. */
public final class Drafts {

  public static final String TESTIMONY =
      "합성 증언: 우리 두 사람은 2004년 2월 연길 시장에서 공안에게 체포되었다 캐너리드라프트. 그 뒤 송환되었다.";

  private Drafts() {}

  /** An interview with two people and three acts, every field valid. */
  public static IntakeDraft complete(String prefix) {
    int arrest = TESTIMONY.indexOf("체포");
    return new IntakeDraft(
        new SourceForm(
            prefix + "s1",
            "interview",
            "NGO A (synthetic)",
            "2026-11-30",
            "ko",
            "staff-7",
            "kr.seoul",
            "high",
            "2026-11-30",
            "",
            null,
            TESTIMONY),
        List.of(new PersonForm(prefix + "p1"), new PersonForm(prefix + "p2")),
        List.of(
            new EventForm(
                prefix + "e1",
                "arrest",
                "2004-02",
                "cn.jilin.yanbian.yanji",
                "합성 요약: 시장에서 체포",
                prefix + "e2",
                prefix + "p1"),
            new EventForm(prefix + "e2", "forced-return", "2004-03/2004-04", "kp", null, "", "")),
        List.of(
            act(prefix + "a1", prefix + "e1", prefix + "p1", "arbitrary-arrest", arrest),
            act(prefix + "a2", prefix + "e1", prefix + "p2", "arbitrary-arrest", arrest),
            new ActForm(
                prefix + "a3",
                prefix + "e2",
                prefix + "p1",
                null,
                "forced-return",
                "2004-03",
                "kp",
                "public-security",
                "CHN",
                null,
                "direct",
                null,
                null,
                "medium",
                "experienced")));
  }

  private static ActForm act(String id, String event, String victim, String type, int at) {
    return new ActForm(
        id,
        event,
        victim,
        "",
        type,
        "2004-02",
        "cn.jilin.yanbian.yanji",
        "public-security",
        "CHN",
        "",
        "direct",
        Integer.toString(at),
        Integer.toString(at + 2),
        "high",
        "experienced");
  }
}
