package io.weir.processor.serialization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** Canonical keys, mangled class names and hashes for generated serializers; all deterministic. */
final class SerializerNames {
  static final String SUFFIX = "_WeirSerializer";

  private SerializerNames() {}

  /**
   * A canonical spelling of {@code type}: qualified names and type arguments, no annotations (which
   * {@code TypeMirror.toString()} would include), e.g. {@code java.util.List<com.x.Word>}.
   */
  static String key(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED: {
        DeclaredType declared = (DeclaredType) type;
        StringBuilder sb = new StringBuilder(((TypeElement) declared.asElement()).getQualifiedName());
        List<? extends TypeMirror> args = declared.getTypeArguments();
        if (!args.isEmpty()) {
          sb.append('<');
          for (int i = 0; i < args.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(key(args.get(i)));
          }
          sb.append('>');
        }
        return sb.toString();
      }
      case ARRAY:
        return key(((ArrayType) type).getComponentType()) + "[]";
      default:
        return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase() : type.toString();
    }
  }

  /**
   * A readable identifier for {@code type}: nested simple names joined by '_', type arguments
   * appended, arrays as {@code Array}: {@code Map<String, Outer.Inner[]>} -> {@code Map_String_Outer_InnerArray}.
   */
  static String mangle(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED: {
        DeclaredType declared = (DeclaredType) type;
        StringBuilder sb = new StringBuilder(nestedSimpleNames((TypeElement) declared.asElement()));
        for (TypeMirror arg : declared.getTypeArguments()) {
          sb.append('_').append(mangle(arg));
        }
        return sb.toString();
      }
      case ARRAY:
        return mangle(((ArrayType) type).getComponentType()) + "Array";
      default: {
        String name = type.getKind().name().toLowerCase();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
      }
    }
  }

  /** {@code Outer_Inner} for {@code Outer.Inner}. */
  static String nestedSimpleNames(TypeElement element) {
    Deque<String> names = new ArrayDeque<>();
    Element e = element;
    while (e != null && (e.getKind().isClass() || e.getKind().isInterface())) {
      names.addFirst(e.getSimpleName().toString());
      e = e.getEnclosingElement();
    }
    return String.join("_", names);
  }

  /** JDK packages: their types get no generated serializer of their own and no class in their package. */
  static boolean isJdkPackage(String packageName) {
    return packageName.equals("java") || packageName.startsWith("java.") || packageName.startsWith("javax.")
        || packageName.startsWith("jdk.") || packageName.startsWith("sun.") || packageName.startsWith("com.sun.");
  }

  /** The first {@code hexChars} hex digits of the SHA-256 of {@code text}. */
  static String hash(String text, int hexChars) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, hexChars);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Whether {@code element} is a class, interface, enum or record (not a package or member). */
  static boolean isType(Element element) {
    ElementKind k = element.getKind();
    return k.isClass() || k.isInterface();
  }
}
