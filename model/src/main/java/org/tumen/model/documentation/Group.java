package org.tumen.model.documentation;

/** Several unnamed people counted together: "11 women in the same truck". */
public record Group(String id, int count) implements Victim {
  public Group {
    Ids.check("group", id);
    if (count < 2) {
      throw new IllegalArgumentException(
          "group " + id + ": a group has at least 2 people, not " + count);
    }
  }

  @Override
  public int headcount() {
    return count;
  }
}
