<?xml version="1.0" encoding="UTF-8"?>
<!-- Bien inscrit UNESCO : le patrimoine mondial en lie-de-vin soutenu, la couleur forte de la carte,
     pour qu'un ABF le repère d'un coup d'œil ; noms des éléments sous le 1:40 000. -->
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>bien-inscrit</Name>
    <UserStyle>
      <Name>bien-inscrit</Name>
      <Title>Bien inscrit UNESCO</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>bien</Name>
          <Title>Élément du Bien inscrit au patrimoine mondial</Title>
          <PolygonSymbolizer>
            <Fill>
              <CssParameter name="fill">#a3203a</CssParameter>
              <CssParameter name="fill-opacity">0.65</CssParameter>
            </Fill>
            <Stroke>
              <CssParameter name="stroke">#6d1022</CssParameter>
              <CssParameter name="stroke-width">1.6</CssParameter>
              <CssParameter name="stroke-linejoin">round</CssParameter>
            </Stroke>
          </PolygonSymbolizer>
        </Rule>
      </FeatureTypeStyle>
      <!-- Labels in a pass of their own, so that they are drawn above every fill. -->
      <FeatureTypeStyle>
        <Rule>
          <Name>noms</Name>
          <MaxScaleDenominator>40000</MaxScaleDenominator>
          <TextSymbolizer>
            <Label>
              <ogc:PropertyName>nom</ogc:PropertyName>
            </Label>
            <Font>
              <CssParameter name="font-family">DejaVu Sans</CssParameter>
              <CssParameter name="font-size">9.5</CssParameter>
              <CssParameter name="font-style">italic</CssParameter>
              <CssParameter name="font-weight">normal</CssParameter>
            </Font>
            <Halo>
              <Radius>1.5</Radius>
              <Fill>
                <CssParameter name="fill">#ffffff</CssParameter>
                <CssParameter name="fill-opacity">0.85</CssParameter>
              </Fill>
            </Halo>
            <Fill>
              <CssParameter name="fill">#6d1022</CssParameter>
            </Fill>
            <Priority>2</Priority>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
