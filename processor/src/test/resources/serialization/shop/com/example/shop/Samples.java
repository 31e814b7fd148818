package com.example.shop;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** Values to round-trip, by the name of the serializer field in io.weir.gen.Serializers. */
public final class Samples {
  private Samples() {}

  /** Lists that may hold null, unlike List.of. */
  @SafeVarargs
  private static <T> List<T> list(T... values) {
    return new ArrayList<>(Arrays.asList(values));
  }

  public static Map<String, List<Object>> all() {
    Map<String, List<Object>> all = new LinkedHashMap<>();
    all.put("Color", list(Color.RED, Color.GREEN, Color.BLUE));
    all.put("Money", list(new Money(0, null), new Money(-1999, "EUR"), new Money(Long.MAX_VALUE, "₿ über")));
    all.put("Order", list(fullOrder(), emptyOrder(), nullOrder()));
    all.put("Primitives", list(
        new Primitives(true, (byte) -1, Short.MIN_VALUE, 'ß', Integer.MIN_VALUE, Long.MAX_VALUE, Float.NaN,
            -0.0, false, Byte.MAX_VALUE, (short) 7, '\uD83D', 42, -42L, 1.5f, Double.NEGATIVE_INFINITY),
        new Primitives(false, (byte) 0, (short) 0, '\0', 0, 0, 0f, 0, null, null, null, null, null, null, null, null)));
    all.put("ArraysHolder", list(fullArrays(), emptyArrays(),
        new ArraysHolder(null, null, null, null, null, null, null, null, null, null, null, null, null)));
    all.put("Link", list(new Link("end", null, null),
        new Link("a", new Link("b", new Link("c", null, Optional.empty()), Optional.of(new Money(1, "EUR"))), null)));
    all.put("Node", list(
        new Node("leaf", null, null),
        new Node("root", new Node("next", new Node("last", null, List.of()), list()),
            list(new Node("child ✓", null, list((Node) null)), null))));
    all.put("Customer", list(customer("Zoë", 33, list("a", null, "日本"), true), customer(null, 0, null, false)));
    all.put("PremiumCustomer", list(premium(12, new Money(5, "USD")), premium(0, null)));
    all.put("Holder", list(
        new Holder(new Pair<>("a", 1L), new Pair<>(Color.GREEN, new Money(1, "X")), new Outer.Inner("in")),
        new Holder(new Pair<>(null, null), new Pair<>(null, null), new Outer.Inner(null)),
        new Holder(null, null, null)));
    all.put("Event", list(
        new Event("deploy", Instant.ofEpochSecond(1_700_000_000L, 42), Duration.ofMillis(-1500),
            LocalDate.of(2024, 2, 29), LocalTime.NOON, LocalDateTime.of(1999, 12, 31, 23, 59, 59, 1),
            UUID.randomUUID()),
        new Event(null, null, null, null, null, null, null)));
    all.put("Wallet", list(
        new Wallet("me", new Wallet.Balance(5), "a note", new Wallet.Circle(1.5), new Wallet.Labelled<>("l"),
            Currency.getInstance("EUR")),
        new Wallet("you", new Wallet.Balance(-1), 42L, new Wallet.Square(2), new Wallet.Labelled<>(null), null),
        new Wallet(null, null, null, null, null, null)));
    all.put("Secretive", list(new Secretive("s", Color.RED), new Secretive(null, null)));
    // an ArrayList, an empty one, a LinkedList (no RandomAccess: the iterator branch), an
    // immutable RandomAccess list, and one long enough to grow the output buffer many times
    all.put("strings", list(list("x", null, "ÿ"), list(), new LinkedList<>(list("a", null, "日本")),
        List.of("i", "mm", "u\uD800table"), longList()));
    Map<String, List<Long>> index = new HashMap<>();
    index.put("a", list(1L, null));
    index.put(null, null);
    index.put("empty", list());
    all.put("index", list(index, new HashMap<>()));
    all.put("boxed", list(0L, Long.MIN_VALUE));
    all.put("text", list("", "plain", "mixed ünïcödé 🎉"));
    all.put("ints", list(new int[0], new int[] {1, -2, Integer.MAX_VALUE}));
    all.put("maybeMoney", list(Optional.empty(), Optional.of(new Money(3, "GBP"))));
    all.put("day", list(DayOfWeek.MONDAY, DayOfWeek.SUNDAY));
    all.put("instant", list(Instant.EPOCH, Instant.parse("2024-02-29T12:00:00.123456789Z")));
    all.put("inners", list(new LinkedHashSet<>(list(new Outer.Inner("p"), null)), Set.of()));
    return all;
  }

  /** 2,000 strings: short and long, ASCII and wide, some null. */
  private static List<String> longList() {
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      strings.add(i % 97 == 0 ? null : i % 5 == 0 ? "wide " + i + " \u00e9" : "w" + i + "x".repeat(i % 70));
    }
    return strings;
  }

  private static Order fullOrder() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("apples", 3);
    counts.put(null, null);
    counts.put("none", null);
    TreeMap<String, Long> sorted = new TreeMap<>(Map.of("b", 2L, "a", 1L));
    sorted.put("c", null);
    Map<Color, List<Money>> byColor = new HashMap<>();
    byColor.put(Color.RED, list(new Money(1, "EUR"), null));
    byColor.put(null, list());
    byColor.put(Color.BLUE, null);
    return new Order(
        7L,
        list(new Item("Äpfel", 2, new Money(250, "EUR"), Color.RED, Optional.of("fresh")),
            new Item(null, 0, null, null, Optional.empty()), null, new Item("x", 1, null, Color.BLUE, null)),
        counts,
        new LinkedHashSet<>(list(Color.BLUE, null, Color.RED)),
        99L,
        Optional.of(new Money(10, "EUR")),
        sorted,
        new LinkedList<>(list("l1", null)),
        new HashSet<>(list(1, null, 3)),
        new TreeSet<>(List.of("z", "a")),
        list("c1", null),
        list(list("n1", null), null, list(), new LinkedList<>(list("n2", null))),
        byColor,
        Optional.of(list("m", null)));
  }

  private static Order emptyOrder() {
    return new Order(0L, list(), new LinkedHashMap<>(), new LinkedHashSet<>(), null, Optional.empty(), new TreeMap<>(),
        new LinkedList<>(), new HashSet<>(), new TreeSet<>(), list(), list(), new HashMap<>(), Optional.empty());
  }

  private static Order nullOrder() {
    return new Order(-1L, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A sorted set with a comparator the bytes cannot carry: writing must fail. */
  public static Order orderWithComparator() {
    TreeSet<String> reversed = new TreeSet<>(Comparator.reverseOrder());
    reversed.add("a");
    return new Order(1L, null, null, null, null, null, null, null, null, reversed, null, null, null, null);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ArraysHolder fullArrays() {
    List<String>[] lists = new List[] {list("q", null), null, list()};
    return new ArraysHolder(new int[] {1, 2, -3}, new byte[] {0, -128, 127}, new boolean[] {true, false},
        new char[] {'a', 'ö', '\uFFFF'}, new short[] {-1, 1}, new long[] {Long.MIN_VALUE}, new float[] {1.5f, Float.NaN},
        new double[] {Math.PI, -0.0}, new String[] {"s", null, "ß"}, new Money[] {new Money(1, "A"), null},
        new int[][] {{1, 2}, null, {}}, new Color[] {Color.GREEN, null}, lists);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ArraysHolder emptyArrays() {
    return new ArraysHolder(new int[0], new byte[0], new boolean[0], new char[0], new short[0], new long[0],
        new float[0], new double[0], new String[0], new Money[0], new int[0][], new Color[0], new List[0]);
  }

  private static Customer customer(String name, int age, List<String> tags, boolean vip) {
    Customer c = new Customer();
    c.name = name;
    c.setAge(age);
    c.tags = tags;
    c.setVip(vip);
    c.cache = "not serialized";
    return c;
  }

  private static PremiumCustomer premium(long points, Money credit) {
    PremiumCustomer p = new PremiumCustomer();
    p.name = "P";
    p.setAge(50);
    p.tags = Collections.emptyList();
    p.points = points;
    p.credit = credit;
    return p;
  }

  /** A subclass handed to the superclass's serializer: writing must fail. */
  public static Customer premiumAsCustomer() {
    return premium(1, null);
  }
}
