package org.tumen.simulate;

import java.util.List;
import org.tumen.model.Sex;

/**
 * The four column layouts a list may use (the contract between simulate, import, link and the
 * demo): the record id comes first and the note, which always says "synthetic", last.
 */
public enum HeaderSet {
  /** {@code rec_id,surname,given_name,sex,birth_date,birthplace,note}, sex F/M. */
  ENGLISH_SPLIT(
      List.of("rec_id", "surname", "given_name", "sex", "birth_date", "birthplace", "note"),
      "F",
      "M",
      "synthetic"),
  /** {@code rec_id,full_name,sex,birth_date,birthplace,note}, sex F/M. */
  ENGLISH_ONE(
      List.of("rec_id", "full_name", "sex", "birth_date", "birthplace", "note"),
      "F",
      "M",
      "synthetic"),
  /** {@code 번호,성명,성별,생년월일,출생지,비고}, sex 여/남. */
  KOREAN(List.of("번호", "성명", "성별", "생년월일", "출생지", "비고"), "여", "남", "synthetic 합성 자료"),
  /** {@code 编号,姓名,性别,出生日期,籍贯,备注}, sex 女/男. */
  CHINESE(List.of("编号", "姓名", "性别", "出生日期", "籍贯", "备注"), "女", "男", "synthetic 合成数据");

  private final List<String> columns;
  private final String female;
  private final String male;
  private final String note;

  HeaderSet(List<String> columns, String female, String male, String note) {
    this.columns = columns;
    this.female = female;
    this.male = male;
    this.note = note;
  }

  /** The header row. */
  public List<String> columns() {
    return columns;
  }

  /** Whether surname and given name have columns of their own. */
  public boolean splitName() {
    return this == ENGLISH_SPLIT;
  }

  /** How this layout writes a sex. */
  public String sex(Sex sex) {
    return sex == Sex.FEMALE ? female : male;
  }

  /** The text of the note column; it always contains the word "synthetic". */
  public String note() {
    return note;
  }
}
