package org.fairkd.spark;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every leaf of a result record tree by path, for comparing two engines' reports. */
final class ReportNumbers {
  private ReportNumbers() {}

  static Map<String, Object> flatten(Object root) {
    Map<String, Object> out = new LinkedHashMap<>();
    walk("", root, out);
    return out;
  }

  private static void walk(String path, Object o, Map<String, Object> out) {
    if (o == null
        || o instanceof Number
        || o instanceof String
        || o instanceof Boolean
        || o instanceof Enum<?>) {
      out.put(path, o instanceof Number n && !(o instanceof Double) ? n.doubleValue() : o);
    } else if (o instanceof double[] a) {
      for (int i = 0; i < a.length; i++) {
        out.put(path + "[" + i + "]", a[i]);
      }
    } else if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> walk(path + "." + k, v, out));
    } else if (o instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        walk(path + "[" + i + "]", l.get(i), out);
      }
    } else if (o.getClass().isRecord()) {
      for (RecordComponent c : o.getClass().getRecordComponents()) {
        try {
          walk(path + "." + c.getName(), c.getAccessor().invoke(o), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    } else {
      out.put(path, o.toString());
    }
  }
}
